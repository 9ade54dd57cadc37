using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Parallax.Data;

namespace Parallax.App.Web.Auth;

/// <summary>
/// Scripts authenticate with <c>Authorization: Bearer TOKEN</c>, a token made on the admin page. No header: no
/// result (the cookie may still sign the request in); a header with an unknown token: a failure, answered 401.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IParallaxStore store, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var match = token.Length is > 0 and < 200 ? await store.FindTokenAsync(ApiTokens.Digest(token), Context.RequestAborted) : null;
        if (match is null)
        {
            return AuthenticateResult.Fail("unknown or revoked API token");
        }

        var user = await store.GetUserAsync(match.UserId, Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("the token's user no longer exists");
        }

        await store.TouchTokenAsync(match.Id, clock.GetUtcNow(), Context.RequestAborted);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new Claim("token", match.Name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"parallax\"";
        return Task.CompletedTask;
    }
}
