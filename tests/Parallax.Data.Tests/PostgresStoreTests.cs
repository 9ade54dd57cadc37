using Parallax.Data.Postgres;

namespace Parallax.Data.Tests;

/// <summary>
/// The store contract on PostgreSQL: a new database per test on the collection's server; skipped, with the reason,
/// where no server can be found or started.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresServer server) : StoreContract
{
    private readonly List<string> databases = [];

    protected override async Task<IParallaxStore> CreateAsync()
    {
        Skip.If(server.ConnectionString is null, server.Unavailable);
        var database = await server.CreateDatabaseAsync();
        databases.Add(database);
        return await PostgresStore.OpenAsync(database);
    }

    protected override async Task<IParallaxStore> ReopenAsync() => await PostgresStore.OpenAsync(databases[^1]);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var database in databases)
        {
            await server.DropDatabaseAsync(database);
        }
    }
}
