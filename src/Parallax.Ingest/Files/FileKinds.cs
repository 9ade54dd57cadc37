using System.Runtime.InteropServices;

namespace Parallax.Ingest.Files;

/// <summary>What a path names once symbolic links are followed.</summary>
public enum FileKind
{
    /// <summary>Nothing (or a broken link).</summary>
    Missing,

    /// <summary>A regular file: the only kind that is read.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A device, pipe or socket: reading one may never end (/dev/zero) or block forever (a FIFO).</summary>
    Special,

    /// <summary>The platform could not say; treated as regular, with every read still bounded.</summary>
    Unknown,
}

/// <summary>
/// The file type of a path. .NET exposes no public "is this a device or a FIFO" query, and opening a FIFO to find
/// out blocks until a writer appears, so on Unix the runtime's own stat shim (shipped with every .NET runtime) is
/// asked for st_mode. Only the mode field (offset 4, stable since the shim exists) is read, into an oversized buffer.
/// </summary>
internal static class FileKinds
{
    private const int TypeMask = 0xF000;
    private const int DirectoryType = 0x4000;
    private const int RegularType = 0x8000;

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Unknown : FileKind.Missing;
        }

        try
        {
            var status = new byte[512];
            var name = System.Text.Encoding.UTF8.GetBytes(path + "\0");
            if (Stat(name, status) != 0)
            {
                return FileKind.Missing;
            }

            return (BitConverter.ToInt32(status, 4) & TypeMask) switch
            {
                RegularType => FileKind.Regular,
                DirectoryType => FileKind.Directory,
                _ => FileKind.Special,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Unknown : FileKind.Missing;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat(byte[] path, byte[] output);
}
