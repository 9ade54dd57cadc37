namespace Parallax.App.Web.Auth;

/// <summary>
/// The admin password at start: the configured one when given (its hash replaces the stored one), else the stored
/// hash, else a new random password, stored hashed and returned so `serve` can show it once.
/// </summary>
public static class AccessSetup
{
    /// <summary>Returns the new password when one was made (to print once), else null.</summary>
    public static async Task<string?> EnsureAdminPasswordAsync(CredentialFile file, string? configured, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var current = await file.ReadAsync(cancellationToken);
        if (configured is not null)
        {
            if (current.AdminPasswordHash is null || !PasswordHashing.Verify(configured, current.AdminPasswordHash))
            {
                var hash = PasswordHashing.Hash(configured);
                await file.UpdateAsync(c => c with { AdminPasswordHash = hash }, cancellationToken);
            }

            return null;
        }

        if (current.AdminPasswordHash is not null)
        {
            return null;
        }

        var password = PasswordHashing.Generate();
        var made = PasswordHashing.Hash(password);
        await file.UpdateAsync(c => c with { AdminPasswordHash = made }, cancellationToken);
        return password;
    }
}
