using AngleSharp.Dom;

namespace Parallax.Core.Extraction.Html;

/// <summary>
/// Puts the parts of a page that React's streamed server rendering sends late where a browser shows them. Such a page
/// holds, where a part goes, a <c>&lt;template id="B:n"&gt;</c> followed by a fallback ("Loading paragraph...", a grey
/// skeleton), or a bare <c>&lt;template id="P:n"&gt;</c>; the part itself comes at the end of the body in a hidden
/// <c>&lt;div id="S:n"&gt;</c>, and a script moves it into place on load. Read without the move, an article streamed so
/// is a row of placeholders and its paragraphs a pile of hidden blocks after the footer.
/// </summary>
internal static class StreamedSegments
{
    /// <summary>A fallback is a placeholder: a few words or an empty skeleton, never a part of the article.</summary>
    private const int MaxFallbackChars = 200;

    /// <summary>
    /// Whether the page's source can hold a placeholder at all: only a template tag makes a template element, and looking
    /// for one in the text is far cheaper than walking every page's tree for the few that stream.
    /// </summary>
    public static bool MayHold(string html) => html.Contains("<template", StringComparison.OrdinalIgnoreCase);

    /// <summary>Moves every streamed part into its place; a part without a place stays where it is.</summary>
    public static void Place(IDocument document)
    {
        var templates = document.GetElementsByTagName("template");
        if (templates.Length == 0)
        {
            return;
        }

        // The collection is live: take the placeholders first, then move the parts.
        var places = new List<IElement>();
        foreach (var template in templates)
        {
            if (template.Id is { Length: > 2 } id && id[1] == ':' && id[0] is 'B' or 'P')
            {
                places.Add(template);
            }
        }

        foreach (var place in places)
        {
            var segment = document.GetElementById("S:" + place.Id![2..]);
            var parent = place.Parent;
            if (segment is null || parent is null || segment.Contains(place))
            {
                continue;
            }

            // A boundary's fallback is the element right after its template; the part replaces it.
            if (place.Id[0] == 'B' && place.NextElementSibling is { } fallback && !IsPlace(fallback)
                && fallback.TextContent.Length <= MaxFallbackChars)
            {
                fallback.Remove();
            }

            while (segment.FirstChild is { } child)
            {
                parent.InsertBefore(child, place);
            }

            place.Remove();
            segment.Remove();
        }
    }

    private static bool IsPlace(IElement element) => element.LocalName == "template" || element.Id is { Length: > 2 } id && id[1] == ':' && id[0] == 'S';
}
