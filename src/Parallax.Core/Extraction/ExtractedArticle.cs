namespace Parallax.Core.Extraction;

/// <summary>One article found on a page: its metadata and its body as paragraphs.</summary>
public sealed record ExtractedArticle(
    string Title,
    string? Source,
    string? Url,
    DateTimeOffset? Published,
    string? Author,
    string? Language,
    IReadOnlyList<string> Paragraphs)
{
    /// <summary>The body with paragraphs separated by a blank line, as the JSON contract wants it.</summary>
    public string Text => string.Join("\n\n", Paragraphs);
}

/// <summary>What the extractor made of one page.</summary>
/// <param name="Path">The page's path, as given in <see cref="PageInput.Path"/>.</param>
/// <param name="Articles">The articles, in page order. Empty when the page holds none.</param>
/// <param name="Boilerplate">Every block of the page that was removed as not part of any article, in page order.</param>
/// <param name="Error">Why the page could not be read (empty, binary, too deep...), or null when it could.</param>
public sealed record PageExtraction(
    string Path,
    IReadOnlyList<ExtractedArticle> Articles,
    IReadOnlyList<string> Boilerplate,
    string? Error = null)
{
    public static PageExtraction Failed(string path, string reason) => new(path, [], [], reason);
}
