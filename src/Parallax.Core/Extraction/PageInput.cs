namespace Parallax.Core.Extraction;

/// <summary>How a page's bytes are to be read.</summary>
public enum PageFormat
{
    /// <summary>An HTML document (the bytes may carry any declared or sniffed encoding).</summary>
    Html,

    /// <summary>Plain text as a text extractor saves a web page: one block per line.</summary>
    Text,
}

/// <summary>
/// One page handed to the extractor. The caller has already read (and, for .gz, decompressed) the bytes;
/// the core never touches the file system.
/// </summary>
/// <param name="Path">Where the page came from; used only to name it in results and errors.</param>
/// <param name="Format">HTML or plain text.</param>
/// <param name="Content">The raw bytes, in whatever encoding the page uses.</param>
/// <param name="DeclaredCharset">A charset from outside the document (an HTTP Content-Type header), if any.</param>
/// <param name="Url">The address the page was fetched from, if known.</param>
public sealed record PageInput(
    string Path,
    PageFormat Format,
    ReadOnlyMemory<byte> Content,
    string? DeclaredCharset = null,
    string? Url = null);
