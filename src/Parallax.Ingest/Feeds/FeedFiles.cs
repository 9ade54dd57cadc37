using Parallax.Ingest.Files;

namespace Parallax.Ingest.Feeds;

/// <summary>Reads a feed file from disk with the limits of <see cref="FeedReaderOptions"/>: regular files only, never past the cap.</summary>
public static class FeedFiles
{
    /// <summary>The bytes of the file, or why they cannot be read.</summary>
    public static async Task<(byte[]? Bytes, string? Error)> ReadAsync(string path, FeedReaderOptions? options, CancellationToken cancellationToken)
    {
        var cap = (options ?? FeedReaderOptions.Default).MaxBytes;
        switch (FileKinds.Of(path))
        {
            case FileKind.Missing:
                return (null, FolderWalk.MissingReason(path));
            case FileKind.Directory:
                return (null, "a folder, not a file");
            case FileKind.Special:
                return (null, "not a regular file (a device, pipe or socket), so it is not read");
        }

        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, useAsync: true);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (output.Length + read > cap)
                {
                    return (null, $"the file is over the {cap:N0}-byte limit for a feed");
                }

                output.Write(buffer, 0, read);
            }

            return (output.ToArray(), null);
        }
        catch (UnauthorizedAccessException)
        {
            return (null, "cannot read the file: permission denied");
        }
        catch (IOException e)
        {
            return (null, $"cannot read the file ({e.Message.TrimEnd('.')})");
        }
    }
}
