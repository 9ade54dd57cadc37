using Parallax.Data;

namespace Parallax.App.Web.Auth;

/// <summary>
/// The admin account at start: the configured password when given (its hash replaces a stored one that differs),
/// else the stored account, else a new random password, stored hashed and returned so `serve` can show it once.
/// </summary>
public static class AccessSetup
{
    public const string AdminName = "admin";

    /// <summary>Returns the new password when one was made (to print once), else null.</summary>
    public static async Task<string?> EnsureAdminAsync(IParallaxStore store, string? configured, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var admin = await store.FindUserAsync(AdminName, cancellationToken);
        if (configured is not null)
        {
            if (admin is null)
            {
                await store.CreateUserAsync(AdminName, PasswordHashing.Hash(configured), isAdmin: true, cancellationToken);
            }
            else if (!PasswordHashing.Verify(configured, admin.PasswordHash))
            {
                await store.SetPasswordHashAsync(admin.Id, PasswordHashing.Hash(configured), cancellationToken);
            }

            return null;
        }

        if (admin is not null)
        {
            return null;
        }

        var password = PasswordHashing.Generate();
        await store.CreateUserAsync(AdminName, PasswordHashing.Hash(password), isAdmin: true, cancellationToken);
        return password;
    }
}
