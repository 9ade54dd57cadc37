using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>
/// The scan's estimate against the tree AngleSharp really builds, on small copies of the costly shapes: the budget
/// is only as good as the model that counts it. (On the 181 benchmark pages the node counts agree within 1% and
/// the depths within 0.77-1.10.)
/// </summary>
public sealed class TreeScanTests
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { MaximumDepth = int.MaxValue });

    private static readonly ExtractionOptions Unlimited = new() { MaxDepth = int.MaxValue, MaxNodes = int.MaxValue, MaxTreeSteps = long.MaxValue };

    public static TheoryData<string, string> Shapes() => new()
    {
        { "formatting reopened", "<div>" + string.Concat(Enumerable.Range(0, 30).Select(n => $"<b class=\"c{n}\">")) + "</div>" + Repeat("<p>x</p>", 200) },
        { "identical formatting (Noah's ark)", "<div>" + Repeat("<b>", 30) + "</div>" + Repeat("<p>x</p>", 200) },
        { "misnested formatting", Repeat("<p>The <b>mayor <i>opened</b> the</i> bridge.</p>", 100) },
        { "formatting across a block", Repeat("<b>bold<div>block</b>after</div>", 50) },
        { "stray end tags in divs", Repeat("<div></x>", 300) },
        { "a in a", Repeat("<a href=\"/x\">link ", 300) },
        { "select in select", Repeat("<select><option>one", 300) },
        { "unclosed list items and paragraphs", Repeat("<li>item<p>text", 300) },
        { "raw text", "<xmp>" + Repeat("<div>", 300) + "</xmp><textarea>" + Repeat("<div>", 300) + "</textarea><p>after" },
        { "nested tables", Repeat("<table><tr><td>cell", 40) },
        { "headings", Repeat("<h1>one<h2>two</h1>three", 100) },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_estimate_is_close_to_the_tree_AngleSharp_builds(string shape, string body)
    {
        var html = "<html><body>" + body + "</body></html>";

        var estimate = TreeScan.Scan(html, Unlimited);
        var (nodes, depth) = Measure(html);

        Assert.Null(estimate.Refusal);
        Assert.InRange(estimate.Nodes, nodes * 0.8, nodes * 1.25);
        Assert.InRange(estimate.Depth, depth * 0.8, (depth * 1.25) + 2);
        Assert.NotNull(shape);
    }

    [Fact]
    public void The_scan_stops_at_the_first_budget_passed()
    {
        var html = "<html><body>" + Repeat("<div>", 100_000);

        var estimate = TreeScan.Scan(html, new ExtractionOptions { MaxDepth = 50 });

        Assert.Equal(51, estimate.Depth);
        Assert.Contains("50 levels", estimate.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_stray_end_tags_are_cut_and_the_rest_is_kept()
    {
        var html = "<html><body><p>kept</p>" + Repeat("</x>", 2_000) + "<div>also kept</div></body></html>";

        var estimate = TreeScan.Scan(html, ExtractionOptions.Default);
        var cut = TreeScan.WithoutStrays(html, estimate.Strays);

        Assert.Equal("<html><body><p>kept</p><div>also kept</div></body></html>", cut);
    }

    private static string Repeat(string piece, int count) => new StringBuilder(piece.Length * count).Insert(0, piece, count).ToString();

    /// <summary>All nodes under the document element, and its depth counted as the scan counts it (html is 1).</summary>
    private static (int Nodes, int Depth) Measure(string html)
    {
        using var document = Parser.ParseDocument(html);
        var nodes = 0;
        var deepest = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((document.DocumentElement, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            nodes++;
            if (node is IElement)
            {
                deepest = Math.Max(deepest, depth);
            }

            foreach (var child in node.ChildNodes)
            {
                stack.Push((child, depth + 1));
            }
        }

        return (nodes, deepest);
    }
}
