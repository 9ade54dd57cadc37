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
            // busy_timeout 30 s, synchronous NORMAL (1), foreign keys on: the first open sets them, later ones reuse the handle.
            Assert.Equal((30000L, 1L, 1L), await store.ConnectionSettingsAsync());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal((30000L, 1L, 1L), await store.ConnectionSettingsAsync());
    }
}
