namespace Parallax.App.Output;

/// <summary>
/// The failures of a run, written to standard error as `parallax: WHERE: reason` lines. The first
/// <see cref="NamedPerReason"/> failures with one reason are named; the rest are counted, so 200,000 bad lines
/// give a screenful and a summary, not 200,000 lines.
/// </summary>
internal sealed class ErrorReport(TextWriter error, bool verbose)
{
    public const int NamedPerReason = 20;

    private readonly Dictionary<string, int> byReason = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    public bool Verbose => verbose;

    public int Count { get; private set; }

    /// <param name="where">The file, or file:line.</param>
    /// <param name="reason">A sentence a user understands.</param>
    /// <param name="kind">What counts as "the same error" for the summary; the reason itself when it holds no detail that varies.</param>
    /// <param name="detail">Written only with --verbose: the exception, say.</param>
    public async Task FailAsync(string where, string reason, string? kind = null, string? detail = null)
    {
        Count++;
        kind ??= reason;
        var seen = byReason.GetValueOrDefault(kind);
        if (seen == 0)
        {
            order.Add(kind);
        }

        byReason[kind] = seen + 1;
        if (seen < NamedPerReason || verbose)
        {
            await error.WriteLineAsync($"parallax: {where}: {reason}");
            if (verbose && detail is not null)
            {
                await error.WriteLineAsync($"    {detail.ReplaceLineEndings("\n    ")}");
            }
        }
    }

    public async Task NoteAsync(string message) => await error.WriteLineAsync($"parallax: {message}");

    /// <summary>One line per reason that had more failures than were named.</summary>
    public async Task SummarizeAsync(string unit)
    {
        if (verbose)
        {
            return;
        }

        foreach (var kind in order)
        {
            var count = byReason[kind];
            if (count > NamedPerReason)
            {
                await error.WriteLineAsync($"parallax: {count - NamedPerReason:N0} more {unit} failed with \"{kind}\" (only the first {NamedPerReason} are named; --verbose names all).");
            }
        }
    }
}
