namespace Parallax.App.Web.Pages;

/// <summary>An Atom feed a page links from its head, beside the feed of all stories.</summary>
public sealed record FeedLink(string Title, string Href);
