namespace Parallax.Core.Extraction.Text;

/// <summary>One non-blank, trimmed line of a text page with its shape.</summary>
/// <param name="Number">The line's 1-based number in the page.</param>
/// <param name="Text">The line, trimmed.</param>
/// <param name="Shape">What it looks like on its own.</param>
/// <param name="Features">Its measured shape.</param>
/// <param name="GapBefore">How many blank lines precede it.</param>
internal sealed record TextLine(int Number, string Text, LineShape Shape, LineFeatures Features, int GapBefore);

/// <summary>A line of the page with the class it ended up in.</summary>
/// <param name="Number">The line's 1-based number in the page.</param>
/// <param name="Text">The line, trimmed.</param>
/// <param name="Class">Title, body, metadata or boilerplate.</param>
/// <param name="Article">The index of the article it belongs to, or -1.</param>
public sealed record ClassifiedLine(int Number, string Text, TextLineClass Class, int Article);
