using Parallax.Bench.Pipeline;

namespace Parallax.Data.Tests;

/// <summary>
/// The PostgreSQL server of the tests, on loopback: <see cref="PostgresCluster"/> (the one named by
/// PARALLAX_TEST_POSTGRES, else a throwaway cluster, here without fsync), shared by every PostgreSQL test. Where none
/// can be had, <see cref="Unavailable"/> says why and those tests skip with that message. Each test gets its own fresh
/// database (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private PostgresCluster? cluster;

    /// <summary>An administrative connection string; null when no server could be found or started.</summary>
    public string? ConnectionString => cluster?.AdminConnectionString;

    /// <summary>Why there is no server, as the skip message.</summary>
    public string Unavailable { get; private set; } = "not started";

    public async Task InitializeAsync()
    {
        (cluster, var unavailable) = await PostgresCluster.FindAsync(CancellationToken.None, durable: false);
        if (cluster is null)
        {
            Unavailable = $"no PostgreSQL server: {unavailable}";
        }
    }

    /// <summary>A new empty database; returns its connection string. Dropped by <see cref="DropDatabaseAsync"/>.</summary>
    public Task<string> CreateDatabaseAsync() =>
        (cluster ?? throw new InvalidOperationException(Unavailable)).CreateDatabaseAsync(CancellationToken.None);

    public Task DropDatabaseAsync(string connectionString) =>
        (cluster ?? throw new InvalidOperationException(Unavailable)).DropDatabaseAsync(connectionString, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
