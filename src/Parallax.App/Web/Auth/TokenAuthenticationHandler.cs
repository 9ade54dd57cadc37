using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Parallax.App.Web.Auth;

/// <summary>
/// Scripts authenticate with <c>Authorization: Bearer TOKEN</c>, a token made on the admin page. No header: no
/// result (the cookie may still sign the request in); a header with an unknown token: a failure, answered 401.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CredentialFile credentials)
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
        var stored = await credentials.ReadAsync(Context.RequestAborted);
        var match = stored.Tokens.FirstOrDefault(t => ApiTokens.Matches(token, [t.Digest]));
        if (match is null)
        {
            return AuthenticateResult.Fail("unknown API token");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"token:{match.Name}"), new Claim("token_id", match.Id)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"parallax\"";
        return Task.CompletedTask;
    }
}
