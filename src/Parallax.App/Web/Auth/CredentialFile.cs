using System.Text.Json;

namespace Parallax.App.Web.Auth;

/// <summary>An API token as stored: a name for people, its digest (<see cref="ApiTokens.Digest"/>), when it was made.</summary>
public sealed record ApiTokenRecord(string Id, string Name, string Digest, DateTimeOffset Created);

/// <summary>What the login and the API tokens need to keep between runs.</summary>
public sealed record Credentials(string? AdminPasswordHash, IReadOnlyList<ApiTokenRecord> Tokens)
{
    public static Credentials Empty { get; } = new(null, []);
}

/// <summary>
/// The admin password hash and the API token digests, kept in one small JSON file beside the database (readable by
/// its owner only), replaced whole on every change (write to a temporary file, then rename), so a crash leaves the
/// old file or the new one, never half of one. It holds no secret in the clear: only hashes.
/// </summary>
public sealed class CredentialFile(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly SemaphoreSlim gate = new(1, 1);

    public string Path { get; } = path;

    public async Task<Credentials> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return Credentials.Empty;
        }

        await using var stream = File.OpenRead(Path);
        try
        {
            return await JsonSerializer.DeserializeAsync<Credentials>(stream, Json, cancellationToken) ?? Credentials.Empty;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the credentials file {Path} is damaged ({e.Message}); remove it to set a new admin password.", e);
        }
    }

    /// <summary>Reads, changes and writes the file under one lock, so two changes at once cannot lose one.</summary>
    public async Task<Credentials> UpdateAsync(Func<Credentials, Credentials> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var updated = change(await ReadAsync(cancellationToken));
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
            Directory.CreateDirectory(folder);
            var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(temporary, options))
            {
                await JsonSerializer.SerializeAsync(stream, updated, Json, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
            return updated;
        }
        finally
        {
            gate.Release();
        }
    }
}
