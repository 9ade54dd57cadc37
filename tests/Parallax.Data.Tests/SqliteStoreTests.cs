using Parallax.Data.Sqlite;

namespace Parallax.Data.Tests;

/// <summary>The store contract on SQLite: a new file in a temporary folder per test.</summary>
public sealed class SqliteStoreTests : StoreContract
{
    private readonly string folder = Directory.CreateTempSubdirectory("parallax-store-").FullName;

    private string File => Path.Combine(folder, "parallax.db");

    protected override async Task<IParallaxStore> CreateAsync() => await SqliteStore.OpenAsync(File);

    protected override async Task<IParallaxStore> ReopenAsync() => await SqliteStore.OpenAsync(File);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_with_foreign_keys_on()
    {
        await using var store = await SqliteStore.OpenAsync(File);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        Assert.Empty(await store.CheckIntegrityAsync());
    }

    [Fact]
    public async Task Every_connection_has_its_settings_whether_it_is_new_or_taken_again_from_the_pool()
    {
        await using var store = await SqliteStore.OpenAsync(File);
        for (var i = 0; i < 3; i++)
        {
            // busy_timeout 30 s, synchronous NORMAL (1), foreign keys on, reads memory-mapped: the first open sets them,
            // later ones reuse the handle.
            AssertSettings(await store.ConnectionSettingsAsync());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        AssertSettings(await store.ConnectionSettingsAsync());

        static void AssertSettings((long BusyTimeout, long Synchronous, long ForeignKeys, long MemoryMap) settings)
        {
            Assert.Equal((30000L, 1L, 1L), (settings.BusyTimeout, settings.Synchronous, settings.ForeignKeys));
            Assert.InRange(settings.MemoryMap, 1L << 30, SqliteStore.MemoryMapBytes);
        }
    }

    [Fact]
    public async Task A_search_reads_the_full_text_index_only_from_its_newest_end_or_at_one_row()
    {
        // What makes a common word as cheap as a rare one: every read of a full-text index is in rowid order (FTS5's
        // index flag 0x40) or at one rowid ('=' among its constraints). A plan that drives a join from the match
        // alone reads every article with the word; SQLite 3.53 chose one when the full-text table was joined again for a snippet.
        await using var store = await SqliteStore.OpenAsync(File);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + store.Dialect.SearchSql("a.id AS Id");
        command.Parameters.AddWithValue("@Query", store.Dialect.SearchText(["said"]));
        command.Parameters.AddWithValue("@Offset", 0L);
        command.Parameters.AddWithValue("@Limit", 21L);
        var reads = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (reader.GetString(3) is var detail && detail.Contains("_fts VIRTUAL TABLE", StringComparison.Ordinal))
                {
                    reads.Add(detail);
                }
            }
        }

        Assert.Equal(2, reads.Count);
        foreach (var read in reads)
        {
            var index = read[(read.LastIndexOf(' ') + 1)..].Split(':');
            Assert.True((int.Parse(index[0], System.Globalization.CultureInfo.InvariantCulture) & 0x40) != 0 || index[1].Contains('='), read);
        }
    }
}
