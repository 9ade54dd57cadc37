using Dapper;

namespace Parallax.Data.Sql;

/// <summary>Users and API tokens. The store keeps hashes made by the web host, never a password or a token's secret.</summary>
public abstract partial class SqlStore
{
    private const string UserColumns = "id AS Id, name AS Name, password_hash AS PasswordHash, is_admin AS IsAdmin, created AS Created";

    private const string TokenColumns =
        "id AS Id, user_id AS UserId, name AS Name, token_hash AS TokenHash, created AS Created, last_used AS LastUsed, revoked AS Revoked";

    public async Task<long> CreateUserAsync(string name, string passwordHash, bool isAdmin, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(Command(
            "INSERT INTO users (name, password_hash, is_admin, created) VALUES (@Name, @Hash, @Admin, @Now) RETURNING id",
            new { Name = name.Trim(), Hash = passwordHash, Admin = isAdmin ? 1L : 0L, Now = NowMs() }, null, cancellationToken));
    }

    public async Task<UserRecord?> FindUserAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(Command(
            $"SELECT {UserColumns} FROM users WHERE lower(name) = lower(@Name)", new { Name = name.Trim() }, null, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<UserRecord?> GetUserAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(Command(
            $"SELECT {UserColumns} FROM users WHERE id = @Id", new { Id = id }, null, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<long> CountUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(Command("SELECT COUNT(*) FROM users", null, null, cancellationToken));
    }

    public async Task SetPasswordHashAsync(long userId, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            "UPDATE users SET password_hash = @Hash WHERE id = @Id", new { Id = userId, Hash = passwordHash }, null, cancellationToken));
    }

    public async Task<long> CreateTokenAsync(long userId, string name, string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(Command(
            "INSERT INTO api_tokens (user_id, name, token_hash, created) VALUES (@UserId, @Name, @Hash, @Now) RETURNING id",
            new { UserId = userId, Name = name, Hash = tokenHash, Now = NowMs() }, null, cancellationToken));
    }

    public async Task<ApiTokenRecord?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(Command(
            $"SELECT {TokenColumns} FROM api_tokens WHERE token_hash = @Hash AND revoked IS NULL", new { Hash = tokenHash }, null, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<ApiTokenRecord>> ListTokensAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TokenRow>(Command(
            $"SELECT {TokenColumns} FROM api_tokens WHERE user_id = @UserId ORDER BY id", new { UserId = userId }, null, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<bool> RevokeTokenAsync(long tokenId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(Command(
            "UPDATE api_tokens SET revoked = @Now WHERE id = @Id AND revoked IS NULL", new { Id = tokenId, Now = NowMs() }, null, cancellationToken)) > 0;
    }

    public async Task TouchTokenAsync(long tokenId, DateTimeOffset when, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            "UPDATE api_tokens SET last_used = @When WHERE id = @Id", new { Id = tokenId, When = Ms(when) }, null, cancellationToken));
    }

    private sealed class UserRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string PasswordHash { get; set; } = string.Empty;

        public long IsAdmin { get; set; }

        public long Created { get; set; }

        public UserRecord ToRecord() => new(Id, Name, PasswordHash, IsAdmin != 0, Time(Created));
    }

    private sealed class TokenRow
    {
        public long Id { get; set; }

        public long UserId { get; set; }

        public string Name { get; set; } = string.Empty;

        public string TokenHash { get; set; } = string.Empty;

        public long Created { get; set; }

        public long? LastUsed { get; set; }

        public long? Revoked { get; set; }

        public ApiTokenRecord ToRecord() => new(Id, UserId, Name, TokenHash, Time(Created), Time(LastUsed), Time(Revoked));
    }
}
