using Microsoft.AspNetCore.Mvc.RazorPages;
using Parallax.Data;

namespace Parallax.App.Web.Pages;

/// <summary>The river of stories, with filters by source and time, and the order a reader picks.</summary>
public sealed class IndexModel(StoryRiver river, IParallaxStore store, ServeSettings settings) : PageModel
{
    public RiverPage River { get; private set; } = new([], false, 1);

    public IReadOnlyList<SourceRecord> Sources { get; private set; } = [];

    public string Sort { get; private set; } = "top";

    public string Within { get; private set; } = "all";

    public long? SourceId { get; private set; }

    public StoreCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0);

    public IReadOnlyDictionary<long, StoryOutline> Outlines { get; private set; } = new Dictionary<long, StoryOutline>();

    public async Task OnGetAsync(string? sort, long? source, string? within, int? page, CancellationToken cancellationToken)
    {
        Sort = StoryRiver.ParseSort(sort).ToString().ToLowerInvariant();
        Within = within is not null && StoryRiver.Windows.ContainsKey(within) ? within.ToLowerInvariant() : "all";
        SourceId = source;
        River = await river.ReadAsync(
            new RiverRequest(StoryRiver.ParseSort(sort), source, StoryRiver.Windows[Within], page ?? 1, settings.PageSize), cancellationToken);
        Outlines = await store.StoryOutlinesAsync([.. River.Stories.Select(s => s.Id)], cancellationToken);
        Sources = await store.ListSourcesAsync(cancellationToken);
        Counts = await store.CountsAsync(cancellationToken);
    }

    /// <summary>The address of this list with one parameter changed, the others kept.</summary>
    public string With(string? sort = null, int? page = null) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["sort"] = sort ?? Sort,
            ["source"] = SourceId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["within"] = Within == "all" ? null : Within,
            ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(p => p.Value is not null)).ToString() is { Length: > 0 } query ? "/" + query : "/";
}
