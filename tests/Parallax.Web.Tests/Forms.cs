using System.Net;
using System.Text.RegularExpressions;

namespace Parallax.Web.Tests;

/// <summary>Helpers to send a page's forms as a browser would: with the antiforgery token the page carries.</summary>
public static partial class Forms
{
    public static string AntiforgeryToken(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, "the page has no antiforgery token in its form");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string action, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(page) };
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static async Task LogInAsync(HttpClient client, string password = DemoStore.AdminPassword)
    {
        var response = await PostFormAsync(client, "/login", "/login", new Dictionary<string, string> { ["UserName"] = "admin", ["password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
