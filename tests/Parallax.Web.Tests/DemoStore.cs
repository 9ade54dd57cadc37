using Parallax.App.Web.Auth;
using Parallax.App.Web.Demo;
using Parallax.Core.Pipeline;
using Parallax.Data;
using Parallax.Data.Sqlite;
using Parallax.Embeddings;

namespace Parallax.Web.Tests;

/// <summary>
/// A real SQLite store in a temporary file with the demo set imported through the real pipeline, an admin with a
/// known password and an API token: what `parallax serve --demo` serves. Shared by the endpoint and browser tests.
/// </summary>
public sealed class DemoStore : IAsyncLifetime
{
    public const string AdminPassword = "test-admin-password";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"parallax-web-tests-{Guid.NewGuid():N}");

    public IParallaxStore Store { get; private set; } = null!;

    public string DatabasePath => Path.Combine(folder, "demo.db");

    public string Token { get; private set; } = string.Empty;

    public DemoImport Imported { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        Store = await SqliteStore.OpenAsync(DatabasePath);
        using var embedder = new ArcticEmbedder();
        Imported = await DemoSet.ImportAsync(Store, new ParallaxPipelineBuilder().UseEmbedder(embedder).Build(), DemoSet.Locate(), CancellationToken.None);
        await AccessSetup.EnsureAdminAsync(Store, AdminPassword, CancellationToken.None);
        var admin = await Store.FindUserAsync(AccessSetup.AdminName);
        Token = ApiTokens.Generate();
        await Store.CreateTokenAsync(admin!.Id, "tests", ApiTokens.Digest(Token));
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection: the temporary folder is left for the system to clear.
        }
    }

    /// <summary>The story whose title contains <paramref name="words"/>.</summary>
    public async Task<StorySummary> StoryAsync(string words)
    {
        var stories = await Store.ListStoriesAsync(new StoryQuery(Limit: 500));
        return stories.Items.First(s => s.Title.Contains(words, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The articles of every story.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> ArticlesAsync()
    {
        var all = new List<ArticleSummary>();
        foreach (var story in (await Store.ListStoriesAsync(new StoryQuery(Limit: 500))).Items)
        {
            all.AddRange((await Store.GetStoryAsync(story.Id))!.Articles);
        }

        return all;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoStore>
{
    public const string Name = "demo store";
}
