using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Parallax.Data.Sql;

/// <summary>The one write of the engine session: everything an ingested item changed, in one transaction.</summary>
public abstract partial class SqlStore
{
    public async Task WritePageAsync(PageWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = NowMs();
        var itemId = await connection.ExecuteScalarAsync<long>(Command(
            """
            INSERT INTO ingest_items (item_key, source_id, url, path, state, created, updated, attempts, error, articles)
            VALUES (@Key, @SourceId, @Url, @Path, 'done', @Now, @Now, 1, @Error, @Articles)
            ON CONFLICT (item_key) DO UPDATE SET state = 'done', updated = @Now, error = @Error, articles = @Articles,
                   leased_by = NULL, lease_until = NULL
            RETURNING id
            """,
            new { write.Item.Key, write.Item.SourceId, write.Item.Url, write.Item.Path, Now = now, write.Item.Error, Articles = (long)write.Articles.Count },
            transaction, cancellationToken));

        var touched = new HashSet<long>();
        foreach (var story in write.Articles.Select(a => a.StoryId).Concat(write.Moves.Select(m => m.StoryId)).Concat(write.Merges.Select(m => m.Into)))
        {
            if (touched.Add(story))
            {
                // A story the session places articles in is live, even if a row says it was merged before.
                await connection.ExecuteAsync(Command(
                    """
                    INSERT INTO stories (id, title, first_seen, last_updated) VALUES (@Id, '', @Now, @Now)
                    ON CONFLICT (id) DO UPDATE SET merged_into = NULL
                    """, new { Id = story, Now = now }, transaction, cancellationToken));
            }
        }

        var sources = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var article in write.Articles)
        {
            var sourceId = article.SourceId ?? await SourceByNameAsync(connection, transaction, article.SourceName, sources, now, cancellationToken);
            await connection.ExecuteAsync(Command(
                """
                INSERT INTO articles (id, source_id, source_name, item_id, url, path, title, author, published, fetched, text, boilerplate,
                                      language, spin_score, spun, restored_text, story_id, partial)
                VALUES (@Id, @SourceId, @ExtractedSource, @ItemId, @Url, @Path, @Title, @Author, @Published, @Fetched, @Text, @Boilerplate,
                        @Language, @SpinScore, @Spun, @RestoredText, @StoryId, @Partial)
                """,
                new
                {
                    article.Id,
                    SourceId = sourceId,
                    article.ExtractedSource,
                    ItemId = itemId,
                    article.Url,
                    article.Path,
                    article.Title,
                    article.Author,
                    Published = Ms(article.Published),
                    Fetched = Ms(article.Fetched),
                    article.Text,
                    Boilerplate = JsonSerializer.Serialize(article.Boilerplate),
                    article.Language,
                    article.SpinScore,
                    Spun = article.Spun ? 1L : 0L,
                    article.RestoredText,
                    article.StoryId,
                    Partial = article.Partial ? 1L : 0L,
                }, transaction, cancellationToken));
            if (Dialect.IndexArticleForSearch is { } index)
            {
                await connection.ExecuteAsync(Command(index, new { article.Id, article.Title, article.Text }, transaction, cancellationToken));
            }
        }

        foreach (var move in write.Moves)
        {
            var from = await connection.ExecuteScalarAsync<long?>(Command(
                "SELECT story_id FROM articles WHERE id = @Id", new { Id = move.ArticleId }, transaction, cancellationToken));
            if (from is { } old)
            {
                touched.Add(old);
            }

            await connection.ExecuteAsync(Command(
                "UPDATE articles SET story_id = @StoryId WHERE id = @ArticleId", move, transaction, cancellationToken));
        }

        foreach (var link in write.Links)
        {
            await connection.ExecuteAsync(Command(
                """
                UPDATE articles SET copy_of = @CopyOf, copy_kind = @Kind, copy_similarity = @Similarity, original_publisher = @OriginalPublisher
                WHERE id = @ArticleId
                """,
                new { link.ArticleId, link.CopyOf, Kind = link.Kind?.ToString(), link.Similarity, link.OriginalPublisher },
                transaction, cancellationToken));
        }

        // Membership moved with the moves above (the session's word on every article); a merge only marks the story.
        foreach (var merge in write.Merges)
        {
            await connection.ExecuteAsync(Command(
                """
                UPDATE stories SET merged_into = @Into WHERE id = @Absorbed OR merged_into = @Absorbed;
                DELETE FROM story_related WHERE story_id = @Absorbed OR related_id = @Absorbed;
                """, merge, transaction, cancellationToken));
            touched.Add(merge.Absorbed);
        }

        foreach (var story in touched)
        {
            await RefreshStoryAsync(connection, transaction, story, cancellationToken);
        }

        foreach (var relations in write.Related)
        {
            await connection.ExecuteAsync(Command(
                "DELETE FROM story_related WHERE story_id = @Id", new { Id = relations.StoryId }, transaction, cancellationToken));
            foreach (var (related, similarity) in relations.Related)
            {
                await connection.ExecuteAsync(Command(
                    """
                    INSERT INTO story_related (story_id, related_id, similarity)
                    SELECT @Story, @Related, @Similarity WHERE @Story <> @Related AND EXISTS (SELECT 1 FROM stories WHERE id = @Related)
                    ON CONFLICT (story_id, related_id) DO NOTHING
                    """, new { Story = relations.StoryId, Related = related, Similarity = similarity }, transaction, cancellationToken));
            }
        }

        foreach (var embedding in write.Embeddings)
        {
            // Its article is stored (earlier, or above in this transaction); the same passage embedded again (a story's
            // first report after a split) gives the same vector, so the last write is as good as the first.
            await connection.ExecuteAsync(Command(
                "UPDATE articles SET embedding = @Vector WHERE id = @ArticleId",
                new { embedding.ArticleId, Vector = EmbeddingBlob.ToBytes(embedding.Vector) }, transaction, cancellationToken));
        }

        foreach (var coverage in write.Coverage)
        {
            await connection.ExecuteAsync(Command(
                "UPDATE stories SET coverage = @Json WHERE id = @StoryId", coverage, transaction, cancellationToken));
        }

        await BumpGenerationAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The source of this name (case-insensitive, the oldest when several), created when there is none.</summary>
    private static async Task<long> SourceByNameAsync(
        DbConnection connection, DbTransaction transaction, string name, Dictionary<string, long> cache, long now, CancellationToken cancellationToken)
    {
        name = string.IsNullOrWhiteSpace(name) ? "unknown source" : name.Trim();
        if (cache.TryGetValue(name, out var known))
        {
            return known;
        }

        var id = await connection.ExecuteScalarAsync<long?>(Command(
            "SELECT id FROM sources WHERE lower(name) = lower(@Name) ORDER BY id LIMIT 1", new { Name = name }, transaction, cancellationToken))
            ?? await InsertSourceAsync(connection, transaction, name, null, null, null, now, cancellationToken);
        cache[name] = id;
        return id;
    }

    /// <summary>
    /// When an article reported: its publication time when the page states one no later than its fetch, else the fetch.
    /// A story's times are its reports', so an imported archive keeps its own timeline instead of looking new; a date
    /// after the fetch is a publisher's mistake (or a time zone lost), and the fetch is the better bound.
    /// </summary>
    internal static string ReportedAt(string table) =>
        $"CASE WHEN {table}.published IS NOT NULL AND {table}.published < {table}.fetched THEN {table}.published ELSE {table}.fetched END";

    /// <summary>Recomputes a story's title, times and counts from its articles (the title: its earliest published distinct report's).</summary>
    private static Task RefreshStoryAsync(DbConnection connection, DbTransaction transaction, long story, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command(
            $"""
            UPDATE stories SET
                article_count = (SELECT COUNT(*) FROM articles WHERE story_id = @Id),
                source_count = (SELECT COUNT(DISTINCT source_id) FROM articles WHERE story_id = @Id),
                first_seen = COALESCE((SELECT MIN({ReportedAt("articles")}) FROM articles WHERE story_id = @Id), first_seen),
                last_updated = COALESCE((SELECT MAX({ReportedAt("articles")}) FROM articles WHERE story_id = @Id), last_updated),
                title = COALESCE(
                    (SELECT title FROM articles WHERE story_id = @Id AND copy_of IS NULL AND title <> ''
                     ORDER BY published IS NULL, published, id LIMIT 1),
                    (SELECT title FROM articles WHERE story_id = @Id AND title <> '' ORDER BY id LIMIT 1),
                    '')
            WHERE id = @Id
            """, new { Id = story }, transaction, cancellationToken));
}
