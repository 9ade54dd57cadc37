namespace Parallax.Core.Extraction.Text;

/// <summary>
/// Finds an editorial marker glued to the end of a paragraph ("...he added.' DETAILS TO FOLLOW"), as happens
/// when a listing flattens an article into one line. The marker is the text after the last sentence end when
/// it is a few words, all in capitals, and either a known marker word or at least two words long.
/// </summary>
internal static class TrailingMarker
{
    public static (string Body, string? Marker) Split(string paragraph)
    {
        var text = paragraph.AsSpan().TrimEnd();
        var cut = -1;
        for (var i = text.Length - 2; i >= 0 && text.Length - i <= 60; i--)
        {
            if (text[i] is '.' or '!' or '?' && char.IsWhiteSpace(text[i + 1]) ||
                text[i] is '\'' or '"' or '”' or '’' && i > 0 && text[i - 1] is '.' or '!' or '?' or ',' && char.IsWhiteSpace(text[i + 1]))
            {
                cut = i + 1;
                break;
            }
        }

        if (cut < 0)
        {
            return (paragraph, null);
        }

        var tail = text[cut..].Trim();
        var features = LineFeatures.Of(tail);
        var isMarker = features.AllCaps && features.Words is >= 1 and <= 6 && (features.Marker > 0 || features.Words >= 2) &&
                       !features.EndsLikeSentence;
        if (!isMarker || LineFeatures.Of(text[..cut]).Words < 8)
        {
            return (paragraph, null);
        }

        return (text[..cut].TrimEnd().ToString(), tail.ToString());
    }
}
