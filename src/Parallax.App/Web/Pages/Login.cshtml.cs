using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parallax.App.Web.Auth;

namespace Parallax.App.Web.Pages;

/// <summary>The admin login: one password, checked against its PBKDF2 hash; attempts are rate-limited per address.</summary>
public sealed class LoginModel(CredentialFile credentials, ServeSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public bool PublicReads => settings.PublicReads;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? password, CancellationToken cancellationToken)
    {
        var stored = await credentials.ReadAsync(cancellationToken);
        if (string.IsNullOrEmpty(password) || stored.AdminPasswordHash is null || !PasswordHashing.Verify(password, stored.AdminPasswordHash))
        {
            Error = "That is not the admin password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, "admin")], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
    }
}
