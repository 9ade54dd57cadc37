using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Parallax.App.Web;

/// <summary>How pages write times and counts for people.</summary>
public static class Display
{
    /// <summary>"3 hours ago", "2 days ago", "in 5 minutes", computed on the server so pages read right without script.</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        var future = span < TimeSpan.Zero;
        var seconds = Math.Abs(span.TotalSeconds);
        (string Unit, double Seconds)[] units = [("year", 31_536_000), ("month", 2_592_000), ("week", 604_800), ("day", 86_400), ("hour", 3_600), ("minute", 60)];
        foreach (var (unit, size) in units)
        {
            var n = (long)Math.Floor(seconds / size);
            if (n >= 1)
            {
                var text = $"{n.ToString(CultureInfo.InvariantCulture)} {unit}{(n == 1 ? string.Empty : "s")}";
                return future ? $"in {text}" : $"{text} ago";
            }
        }

        return "just now";
    }

    /// <summary>A polling interval: "every 3 hours", "every 30 minutes" (rounded down to its largest unit, as <see cref="Relative"/>).</summary>
    public static string Every(TimeSpan interval)
    {
        var text = Relative(DateTimeOffset.UnixEpoch + interval, DateTimeOffset.UnixEpoch);
        // "in 1 day" reads "every day"; "in 3 hours", "every 3 hours".
        return !text.StartsWith("in ", StringComparison.Ordinal) ? "every few seconds"
            : text.StartsWith("in 1 ", StringComparison.Ordinal) ? "every " + text[5..]
            : "every " + text[3..];
    }

    /// <summary>The absolute time, in UTC, for the hover text: "Tue 11 Mar 2025, 18:40 UTC".</summary>
    public static string Absolute(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("ddd d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Count(int n, string noun, string? plural = null) =>
        n == 1 ? $"1 {noun}" : $"{n.ToString("N0", CultureInfo.InvariantCulture)} {plural ?? noun + "s"}";

    public static string Percent(double share) => $"{Math.Round(share * 100).ToString(CultureInfo.InvariantCulture)}%";

    /// <summary>A short absolute time for lists within one story: "Mon 23 Nov, 06:55".</summary>
    public static string Short(DateTimeOffset at) => at.ToUniversalTime().ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>How long after <paramref name="first"/> something came: "first", "+45 min", "+3 h 10 min", "+1 day 2 h".</summary>
    public static string After(DateTimeOffset first, DateTimeOffset at)
    {
        var span = at - first;
        if (span < TimeSpan.FromMinutes(1))
        {
            return "first";
        }

        if (span < TimeSpan.FromHours(1))
        {
            return $"+{(int)span.TotalMinutes} min";
        }

        if (span < TimeSpan.FromDays(1))
        {
            return span.Minutes == 0 ? $"+{(int)span.TotalHours} h" : $"+{(int)span.TotalHours} h {span.Minutes} min";
        }

        var days = (int)span.TotalDays;
        return $"+{Count(days, "day")}{(span.Hours > 0 ? $" {span.Hours} h" : string.Empty)}";
    }

    /// <summary>An article's text as paragraphs (the store keeps them separated by a blank line).</summary>
    public static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? string.Empty).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>An address safe to link to: http or https only (never javascript: or data: from a page), else null.</summary>
    public static string? SafeHref(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    /// <summary>The first words of a text, cut at a word, for summaries.</summary>
    public static string Excerpt(string? text, int characters = 240)
    {
        var flat = string.Join(' ', Paragraphs(text));
        if (flat.Length <= characters)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', characters);
        return string.Concat(flat.AsSpan(0, cut > characters / 2 ? cut : characters), "…");
    }
}

/// <summary>
/// <c>&lt;time-ago at="@when" /&gt;</c> renders <c>&lt;time datetime="ISO" title="absolute" data-relative&gt;3 hours ago&lt;/time&gt;</c>;
/// the page's script keeps the relative text fresh.
/// </summary>
[HtmlTargetElement("time-ago", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TimeAgoTagHelper(TimeProvider clock) : TagHelper
{
    public DateTimeOffset? At { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (At is not { } at)
        {
            output.TagName = "span";
            output.TagMode = TagMode.StartTagAndEndTag;
            output.Attributes.SetAttribute("class", "unknown-time");
            output.Content.SetContent("time unknown");
            return;
        }

        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", at.ToString("O", CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("title", Display.Absolute(at));
        output.Attributes.SetAttribute("data-relative", string.Empty);
        output.Content.SetContent(Display.Relative(at, clock.GetUtcNow()));
    }
}
