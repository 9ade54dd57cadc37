using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parallax.App.Web.Auth;
using Parallax.Data;

namespace Parallax.App.Web.Pages.Admin;

/// <summary>
/// Admin (login required, every form with its antiforgery token): add, remove and inspect sources, OPML import and
/// export, feed errors, the ingest queue (a failed item can be retried), API tokens. A new source's feed is polled by the background poller.
/// </summary>
public sealed class AdminIndexModel(IParallaxStore store) : PageModel
{
    public IReadOnlyList<SourceRecord> Sources { get; private set; } = [];

    public IReadOnlyList<SourceRecord> FeedErrors { get; private set; } = [];

    public IReadOnlyList<IngestItem> Queue { get; private set; } = [];

    public IReadOnlyList<Parallax.Data.ApiTokenRecord> Tokens { get; private set; } = [];

    public StoreCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0);

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Problem { get; set; }

    [TempData]
    public string? NewToken { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sources = await store.ListSourcesAsync(cancellationToken);
        FeedErrors = await store.FeedErrorsAsync(cancellationToken);
        Queue = (await store.ListIngestItemsAsync(null, 0, 20, cancellationToken)).Items;
        Counts = await store.CountsAsync(cancellationToken);
        if (UserId is { } user)
        {
            Tokens = await store.ListTokensAsync(user, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAddSourceAsync(string? name, string? feedUrl, string? siteUrl, CancellationToken cancellationToken)
    {
        var (source, problems) = SourceInput.Check(name, feedUrl, siteUrl);
        if (source is null)
        {
            Problem = string.Join(" ", problems);
            return RedirectToPage();
        }

        var id = await store.AddSourceAsync(source, cancellationToken);
        Message = $"Added {source.Name}; its feed is polled from now on.";
        return Redirect($"/sources/{id}");
    }

    public async Task<IActionResult> OnPostRemoveSourceAsync(long id, CancellationToken cancellationToken)
    {
        var source = await store.GetSourceAsync(id, cancellationToken);
        if (source is null)
        {
            Problem = "That source no longer exists.";
        }
        else if (await store.RemoveSourceAsync(id, cancellationToken))
        {
            Message = $"Removed {source.Name}.";
        }
        else
        {
            Problem = $"{source.Name} has articles, so it stays: its stories and copies point at them.";
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostImportOpmlAsync(IFormFile? opml, CancellationToken cancellationToken)
    {
        if (opml is null || opml.Length == 0)
        {
            Problem = "Choose an OPML file to import.";
            return RedirectToPage();
        }

        if (opml.Length > SourcesOpml.MaxBytes)
        {
            Problem = $"That file is over {SourcesOpml.MaxBytes / 1024 / 1024} MB; an OPML file of feeds is far smaller.";
            return RedirectToPage();
        }

        await using var stream = opml.OpenReadStream();
        var read = SourcesOpml.Read(stream);
        foreach (var feed in read.Feeds)
        {
            await store.AddSourceAsync(new NewSource(feed.Name, feed.SiteUrl, feed.FeedUrl), cancellationToken);
        }

        Message = $"Imported {Display.Count(read.Feeds.Count, "feed")} from {opml.FileName}.";
        if (read.Problems.Count > 0)
        {
            Problem = $"Skipped {Display.Count(read.Problems.Count, "outline")}: {string.Join("; ", read.Problems.Take(5))}{(read.Problems.Count > 5 ? "; ..." : ".")}";
        }

        return RedirectToPage();
    }

    /// <summary>Retry one failed item of the queue, or all of them when no id is given.</summary>
    public async Task<IActionResult> OnPostRequeueAsync(long? id, CancellationToken cancellationToken)
    {
        var requeued = await store.RequeueFailedAsync(id, cancellationToken);
        if (requeued == 0)
        {
            Problem = "Nothing to retry: no failed item was left.";
        }
        else
        {
            Message = requeued == 1 ? "One failed item is queued again." : $"{requeued} failed items are queued again.";
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateTokenAsync(string? tokenName, CancellationToken cancellationToken)
    {
        if (UserId is not { } user)
        {
            return Forbid();
        }

        var name = string.IsNullOrWhiteSpace(tokenName) ? "script" : tokenName.Trim()[..Math.Min(tokenName.Trim().Length, 100)];
        var token = ApiTokens.Generate();
        await store.CreateTokenAsync(user, name, ApiTokens.Digest(token), cancellationToken);
        NewToken = token;
        Message = $"Made the token “{name}”. Copy it now: it is shown only once.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(long id, CancellationToken cancellationToken)
    {
        Message = await store.RevokeTokenAsync(id, cancellationToken) ? "Revoked the token." : null;
        return RedirectToPage();
    }

    private long? UserId =>
        long.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
