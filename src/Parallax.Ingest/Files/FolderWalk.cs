namespace Parallax.Ingest.Files;

/// <summary>A path met while walking that was not taken as a page, and why (not an error: nothing was lost).</summary>
public sealed record SkippedPath(string Path, string Reason);

/// <summary>
/// The page files under the paths a user gave, the paths that failed (missing, unreadable folders, names that
/// cannot be opened), and what was passed over (unsupported files, links back into folders already walked).
/// </summary>
public sealed record PageWalk(IReadOnlyList<string> Files, IReadOnlyList<PageLoad> Failures, IReadOnlyList<SkippedPath> Skipped);

/// <summary>
/// Walks folders depth first in a stable order. Symbolic links to folders are followed, but every folder is
/// walked once by its real path, so a link loop (`ln -s .. up`) ends; a depth cap bounds what real-path
/// resolution cannot see. An unreadable subfolder is one failure, not the end of the run.
/// </summary>
internal static class FolderWalk
{
    /// <summary>Deeper than any real archive; only a loop the real-path check missed gets here.</summary>
    public const int MaxDepth = 128;

    /// <summary>The most links one path may pass through, as Linux allows (ELOOP).</summary>
    private const int MaxLinkHops = 40;

    /// <param name="list">Lists a folder; tests replace it to fail as an unreadable folder does for a non-root user.</param>
    public static PageWalk Walk(IEnumerable<string> paths, CancellationToken cancellationToken, Func<string, IEnumerable<FileSystemInfo>>? list = null)
    {
        list ??= ListFolder;
        var files = new List<string>();
        var failures = new List<PageLoad>();
        var skipped = new List<SkippedPath>();
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (FileKinds.Of(path))
            {
                case FileKind.Directory:
                    WalkFolder(path, list, files, failures, skipped, cancellationToken);
                    break;
                case FileKind.Missing:
                    failures.Add(new PageLoad(path, null, MissingReason(path)));
                    break;
                default:
                    // A file named on the command line is always tried, so its own reason (unsupported, a device...) is given.
                    files.Add(path);
                    break;
            }
        }

        return new PageWalk(files, failures, skipped);
    }

    /// <summary>Why a path that is not there cannot be read: a broken link and an undecodable name say so.</summary>
    internal static string MissingReason(string path)
    {
        if (Path.GetFileName(path).Contains('\uFFFD', StringComparison.Ordinal))
        {
            return "the file name is not valid UTF-8 (shown here with \uFFFD), so it cannot be opened; rename the file";
        }

        try
        {
            if (new FileInfo(path).LinkTarget is { } target)
            {
                return $"broken symbolic link (it points to {target}, which does not exist)";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not a link we can read: the plain reason below is the truth as far as we can see.
        }

        return "no such file or folder";
    }

    private static void WalkFolder(string root, Func<string, IEnumerable<FileSystemInfo>> list, List<string> files, List<PageLoad> failures, List<SkippedPath> skipped, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Path, int Depth)>();
        pending.Push((root, 0));
        var found = new List<string>();
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (folder, depth) = pending.Pop();
            var real = RealPath(folder);
            if (real is null)
            {
                failures.Add(new PageLoad(folder, null, "symbolic link loop: the path cannot be resolved"));
                continue;
            }

            if (!visited.Add(real))
            {
                skipped.Add(new SkippedPath(folder, "a link to a folder already walked (followed once)"));
                continue;
            }

            if (depth > MaxDepth)
            {
                failures.Add(new PageLoad(folder, null, $"folders nest deeper than {MaxDepth} levels; not walked further"));
                continue;
            }

            List<FileSystemInfo> entries;
            try
            {
                entries = [.. list(folder)];
            }
            catch (UnauthorizedAccessException)
            {
                failures.Add(new PageLoad(folder, null, "cannot open the folder: permission denied; its pages were not read"));
                continue;
            }
            catch (IOException e)
            {
                failures.Add(new PageLoad(folder, null, $"cannot open the folder ({e.Message.TrimEnd('.')}); its pages were not read"));
                continue;
            }

            // Pushed in reverse so that subfolders are walked in name order.
            var subfolders = new List<string>();
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var kind = FileKinds.Of(entry.FullName);
                if (kind == FileKind.Directory)
                {
                    subfolders.Add(entry.FullName);
                }
                else if (PageFiles.FormatOf(entry.FullName) is null)
                {
                    skipped.Add(new SkippedPath(entry.FullName, "not a page file"));
                }
                else if (kind == FileKind.Missing)
                {
                    failures.Add(new PageLoad(entry.FullName, null, MissingReason(entry.FullName)));
                }
                else
                {
                    found.Add(entry.FullName);
                }
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push((subfolders[i], depth + 1));
            }
        }

        files.AddRange(found.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<FileSystemInfo> ListFolder(string folder) =>
        new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0 });

    /// <summary>
    /// The path with every symbolic link resolved (POSIX realpath, component by component, so `..` after a link
    /// means the link target's parent), or null when it passes through more than <see cref="MaxLinkHops"/> links.
    /// </summary>
    internal static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var remaining = new LinkedList<string>(Split(full[root.Length..]));
        var current = root;
        var hops = 0;
        while (remaining.First is { } first)
        {
            remaining.RemoveFirst();
            var part = first.Value;
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var candidate = Path.Combine(current, part);
            string? target;
            try
            {
                target = new FileInfo(candidate).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                target = null;
            }

            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                var targetRoot = Path.GetPathRoot(target) ?? root;
                current = targetRoot;
                target = target[targetRoot.Length..];
            }

            foreach (var piece in Split(target).Reverse())
            {
                remaining.AddFirst(piece);
            }
        }

        return current;
    }

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
