using System.Security.Cryptography;
using System.Text;

namespace Parallax.App.Web.Auth;

/// <summary>
/// API tokens for scripts: 32 random bytes shown once when made, stored only as their SHA-256 (a token has full
/// entropy, so a slow hash adds nothing, and the store can look it up by its hash), sent as <c>Authorization: Bearer TOKEN</c>.
/// </summary>
public static class ApiTokens
{
    public const string Prefix = "plx_";

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form of a token: lowercase hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Digest(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
