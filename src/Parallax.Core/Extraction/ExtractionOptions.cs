namespace Parallax.Core.Extraction;

/// <summary>
/// The budgets every page gets in the extraction stage. They are counted while the page is scanned, parsed and
/// analysed, so a hostile or broken page is refused as soon as it passes one, in a fraction of a second, rather than
/// after it has cost minutes and gigabytes. The defaults sit far above any real news page (of the 892 pages of the
/// two extraction benchmarks, the largest builds 11,278 nodes, takes 46,733 tree-builder steps and nests 55 deep)
/// and far below what hurts. A plain record, so that a pipeline-wide options record can hold it.
/// </summary>
public sealed record ExtractionOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ExtractionOptions Default { get; } = new();

    /// <summary>Pages above this many bytes (decompressed) are refused before they are decoded.</summary>
    public int MaxBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// The deepest nesting of elements, as the HTML5 tree builder would build them, that a page may reach. The
    /// builder's scope checks walk the stack of open elements at almost every tag, so its cost grows with depth.
    /// </summary>
    public int MaxDepth { get; init; } = 2_000;

    /// <summary>
    /// The most DOM nodes (elements and text runs) a page may build, counting the copies of formatting elements the
    /// builder re-opens in every paragraph: 1,500 unclosed &lt;b&gt;s before 20,000 paragraphs are 30 million nodes.
    /// </summary>
    public int MaxNodes { get; init; } = 100_000;

    /// <summary>
    /// The most steps the tree builder may take: one per tag plus one per open element each scope check or end tag
    /// walks past. Stray end tags under a deep stack cost it a walk each, with no node to show for it.
    /// </summary>
    public long MaxTreeSteps { get; init; } = 5_000_000;

    /// <summary>The most visible characters of text a page may hold; past it no reader would call it one article.</summary>
    public int MaxTextChars { get; init; } = 2_000_000;

    /// <summary>
    /// A last guard on the wall clock, checked while parsing and analysing: the counted budgets above are what stop
    /// bad pages, deterministically; this catches whatever shape they do not foresee.
    /// </summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>What is wrong with these budgets, one sentence each naming the setting; empty when usable.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new (string, long)[]
        {
            (nameof(MaxBytes), MaxBytes), (nameof(MaxDepth), MaxDepth), (nameof(MaxNodes), MaxNodes),
            (nameof(MaxTreeSteps), MaxTreeSteps), (nameof(MaxTextChars), MaxTextChars),
        })
        {
            if (value <= 0)
            {
                yield return $"Extraction.{name} must be positive, not {value}.";
            }
        }

        if (TimeLimit <= TimeSpan.Zero)
        {
            yield return $"Extraction.TimeLimit must be positive, not {TimeLimit}.";
        }
    }

    /// <summary>These options, when usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A budget is not positive; the message names it.</exception>
    public ExtractionOptions Validate()
    {
        var problems = string.Join(" ", Problems());
        return problems.Length == 0 ? this : throw new ArgumentOutOfRangeException(nameof(ExtractionOptions), problems);
    }
}
