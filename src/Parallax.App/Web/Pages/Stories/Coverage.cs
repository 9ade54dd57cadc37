using System.Text.Json;

namespace Parallax.App.Web.Pages.Stories;

/// <summary>One article's wording in a comparison: the article it is from and the text (a sentence, a quote, a term).</summary>
public sealed record CoverageVariant(long? Article, string Text);

/// <summary>A claim several reports share.</summary>
public sealed record SharedClaim(string Claim, IReadOnlyList<long> Articles);

/// <summary>Claims only one report makes.</summary>
public sealed record ExclusiveClaims(long? Article, IReadOnlyList<string> Claims);

/// <summary>A point the reports give differently (a figure, a name, a date), or a quote as each report renders it.</summary>
public sealed record CoverageGroup(string Label, IReadOnlyList<CoverageVariant> Variants);

/// <summary>
/// The stored coverage comparison of a story (GUIDE section 3: shared, exclusive, conflicts, quotes, terms), read
/// leniently: what the page can show is kept, an unknown or missing part is empty, and text is only ever text.
/// Articles are named by their stored ids, as JSON numbers (the one format ingest writes, Parallax.Data.Ingest.CoverageJson).
/// </summary>
public sealed record Coverage(
    IReadOnlyList<SharedClaim> Shared,
    IReadOnlyList<ExclusiveClaims> Exclusive,
    IReadOnlyList<CoverageGroup> Conflicts,
    IReadOnlyList<CoverageGroup> Quotes,
    IReadOnlyList<CoverageGroup> Terms)
{
    public bool IsEmpty => Shared.Count + Exclusive.Count + Conflicts.Count + Quotes.Count + Terms.Count == 0;

    public static Coverage? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("coverage", out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                root = inner;
            }

            return new Coverage(
                [.. Items(root, "shared").Select(e => new SharedClaim(Text(e, "claim"), [.. Items(e, "articles").Select(Id).OfType<long>()]))],
                [.. Items(root, "exclusive").Select(e => new ExclusiveClaims(Id(Property(e, "article")), [.. Items(e, "claims").Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : Text(c, "claim"))]))],
                [.. Items(root, "conflicts").Select(e => Group(e, Text(e, "topic")))],
                [.. Items(root, "quotes").Select(e => Group(e, Text(e, "speaker")))],
                [.. Items(root, "terms").Select(e => Group(e, string.Empty))]);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CoverageGroup Group(JsonElement element, string label) =>
        new(label, [.. Items(element, "variants").Select(v => new CoverageVariant(Id(Property(v, "article")), Text(v, "text")))]);

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : [];

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : string.Empty;

    private static long? Id(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var n) ? n : null;
}
