using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parallax.App.Web.Auth;
using Parallax.Data;

namespace Parallax.App.Web.Pages;

/// <summary>The admin login: one password, checked against its PBKDF2 hash; attempts are rate-limited per address.</summary>
public sealed class LoginModel(IParallaxStore store, ServeSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public bool PublicReads => settings.PublicReads;

    public void OnGet()
    {
    }

    [BindProperty]
    public string UserName { get; set; } = AccessSetup.AdminName;

    public async Task<IActionResult> OnPostAsync(string? password, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(UserName) ? null : await store.FindUserAsync(UserName.Trim(), cancellationToken);
        if (string.IsNullOrEmpty(password) || user is null || !PasswordHashing.Verify(password, user.PasswordHash))
        {
            Error = "That name and password do not match.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
    }
}
