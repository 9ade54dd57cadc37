using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Parallax.App.Web.Pages;

/// <summary>Every error page: a sentence for people, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Heading => Code switch
    {
        404 => "Not found",
        400 => "Bad request",
        403 => "Not allowed",
        429 => "Too many attempts",
        _ => "Something went wrong",
    };

    public string Explanation => Code switch
    {
        404 => "There is no page at this address. Stories, articles and sources keep their addresses; this one may never have existed.",
        400 => "The request could not be read. If you sent a form, reload the page and send it again.",
        403 => "You are logged in, but this needs other rights.",
        429 => "Too many login attempts from your address. Wait a minute and try again.",
        _ => "The server failed on this request. It has been logged; the rest of the site still works.",
    };

    public void OnGet(int? code) => Code = code ?? 500;

    public void OnPost(int? code) => Code = code ?? 500;
}
