using System.CommandLine;
using Parallax.App.Output;
using Parallax.Core.Analysis;
using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;
using Parallax.Embeddings;
using Parallax.Ingest.Files;
using Spectre.Console;

namespace Parallax.App.Commands;

/// <summary>`parallax analyze PATH... [--json] [--verbose]`: the whole pipeline, in memory, over files and folders.</summary>
internal static partial class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = $"Files or folders to analyze ({PageFiles.AcceptedSuffixes}). Folders are walked; each file is one page. " +
                "A name that starts with '-' goes after '--'.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a report for people (the contract is docs/contracts.md in the repository)." };
        var verbose = new Option<bool>("--verbose") { Description = "Name every failure, with its technical detail." };
        var timings = new Option<bool>("--timings") { Description = "Print how long each phase took (start-up, extraction, analysis, output) to standard error, as `timing: PHASE MS ms` lines." };
        var command = new Command(
            "analyze",
            "Extract the articles of each page, find copies and spun copies, and group the articles into stories. " +
            "Nothing is stored. Exit codes: 0 all analysed; 1 some inputs failed (each is named on standard error) or none " +
            "could be analysed; 2 a usage error; 3 or more the run failed. Output contract: docs/contracts.md.")
        {
            paths,
            json,
            verbose,
            timings,
        };

        // On the thread pool, so that a long parse cannot hold the thread that answers Ctrl-C and SIGTERM.
        command.SetAction((result, cancellationToken) => Task.Run(
            () => RunAsync(result.GetValue(paths)!, result.GetValue(json), new ErrorReport(Console.Error, result.GetValue(verbose)), result.GetValue(timings) ? new PhaseClock(Console.Error) : null, cancellationToken),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool json, ErrorReport errors, PhaseClock? clock, CancellationToken cancellationToken)
    {
        clock?.StartUp();
        // The model loads on the first passage the cascade sends it, so a run that words settle never pays for it.
        using var embedder = new ArcticEmbedder();
        var pipeline = new ParallaxPipelineBuilder().UseEmbedder(embedder).Build();

        // The word data is not read on a thread beside the extraction: on two cores that raised the peak memory from
        // about 620 to 680 MB (the extraction's garbage and the tables at once) for no wall time measurable here.
        var run = await ExtractAllAsync(pipeline, paths, cancellationToken);
        clock?.Phase("extraction", Plural(run.Pages.Count, "page"));
        cancellationToken.ThrowIfCancellationRequested();
        var result = pipeline.Analyze(run.Pages);
        clock?.Phase("analysis", Plural(run.Pages.Sum(p => p.Articles.Count), "article"));
        cancellationToken.ThrowIfCancellationRequested();

        var partial = run.Partial.ToHashSet(StringComparer.Ordinal);
        if (json)
        {
            await AnalysisJson.WriteAsync(Console.OpenStandardOutput(), result, partial, cancellationToken);
        }
        else
        {
            AnalysisReport.Write(AnalysisReport.ConsoleFor(Console.Out, Console.IsOutputRedirected), result, partial);
        }

        clock?.Phase("output");
        clock?.Total();
        clock?.Part("model", embedder.ModelTime, $"{Plural((int)embedder.Passages, "passage")}, its load included");
        clock?.Part("gc", GC.GetTotalPauseDuration(),
            $"paused; {GC.CollectionCount(0):N0} gen0, {GC.CollectionCount(1):N0} gen1, {GC.CollectionCount(2):N0} gen2 collections");

        foreach (var failure in run.Failures)
        {
            await errors.FailAsync(failure.Path, failure.Error ?? "failed", Kind(failure.Error), failure.Detail);
        }

        await errors.SummarizeAsync("inputs");
        await ReportSkippedAsync(errors, run.Skipped);
        if (run.Pages.Count == 0)
        {
            await errors.NoteAsync(run.Failures.Count > 0
                ? $"nothing was analysed: {(run.Failures.Count == 1 ? "the one input" : $"all {run.Failures.Count:N0} inputs")} failed."
                : $"nothing was analysed: no page files were found (pages end in {PageFiles.AcceptedSuffixes}).");
            return ExitCodes.SomeInputsFailed;
        }

        if (run.Failures.Count > 0)
        {
            await errors.NoteAsync($"{run.Failures.Count:N0} of {run.Failures.Count + run.Pages.Count:N0} inputs failed; the rest were analysed.");
            return ExitCodes.SomeInputsFailed;
        }

        return ExitCodes.Success;
    }

    /// <summary>Files and links passed over are not failures, but a user should know they were seen.</summary>
    private static async Task ReportSkippedAsync(ErrorReport errors, IReadOnlyList<SkippedPath> skipped)
    {
        var notPages = skipped.Where(s => s.Reason == "not a page file").ToList();
        if (notPages.Count > 0)
        {
            var kinds = notPages
                .GroupBy(s => Path.GetExtension(s.Path) is { Length: > 0 } e ? e.ToLowerInvariant() : "no extension")
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(6).Select(g => $"{g.Count():N0} {g.Key}");
            await errors.NoteAsync($"skipped {Plural(notPages.Count, "file")} that {(notPages.Count == 1 ? "is not a page" : "are not pages")} ({string.Join(", ", kinds)}).");
        }

        var links = skipped.Count - notPages.Count;
        if (links > 0)
        {
            await errors.NoteAsync($"skipped {Plural(links, "link")} to folders already walked (each folder is read once).");
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count:N0} {noun}s";

    /// <summary>What makes two failures "the same" for the summary: the reason with its figures left out.</summary>
    private static string? Kind(string? reason) => reason is null ? null : Figures().Replace(reason, "N");

    [System.Text.RegularExpressions.GeneratedRegex(@"\d[\d,.]*\d|\d")]
    private static partial System.Text.RegularExpressions.Regex Figures();

    internal sealed record Failure(string Path, string? Error, string? Detail = null);

    internal sealed record ExtractionRun(IReadOnlyList<PageExtraction> Pages, IReadOnlyList<Failure> Failures, IReadOnlyList<string> Partial, IReadOnlyList<SkippedPath> Skipped);

    /// <summary>
    /// Reads and extracts every page, on every core (pages are independent); a page that fails is recorded with its
    /// reason and the run goes on. Results are kept in walk order, so the output does not depend on the thread count.
    /// </summary>
    internal static async Task<ExtractionRun> ExtractAllAsync(ParallaxPipeline pipeline, IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var walk = PageFiles.Expand(paths, cancellationToken);
        var reader = new PageFiles();
        var outcomes = new PageOutcome[walk.Files.Count];
        var threads = pipeline.Options.PrepareThreads > 0 ? pipeline.Options.PrepareThreads : Environment.ProcessorCount;

        async Task ExtractAll(Action? advance)
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, walk.Files.Count), parallel, async (i, token) =>
            {
                outcomes[i] = await ExtractOneAsync(pipeline, reader, walk.Files[i], token);
                advance?.Invoke();
            });
        }

        // A progress bar only where a person watches and the run is long enough to want one.
        if (walk.Files.Count >= 20 && !Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Extracting pages", maxValue: walk.Files.Count);
                await ExtractAll(() => task.Increment(1));
            });
        }
        else
        {
            await ExtractAll(null);
        }

        var failures = walk.Failures.Select(f => new Failure(f.Path, f.Error)).ToList();
        var pages = new List<PageExtraction>();
        var partial = new List<string>();
        foreach (var outcome in outcomes)
        {
            if (outcome.Page is { } page)
            {
                pages.Add(page);
            }

            if (outcome.Partial)
            {
                // Kept, since most of a cut article is still worth having, but named: the input was damaged.
                partial.Add(outcome.Path);
            }

            if (outcome.Failure is { } failure)
            {
                failures.Add(failure);
            }
        }

        return new ExtractionRun(pages, failures, partial, walk.Skipped);
    }

    /// <summary>One file's result: its page, or its failure, or both when the page was cut (partial).</summary>
    private sealed record PageOutcome(string Path, PageExtraction? Page, Failure? Failure, bool Partial = false);

    private static async Task<PageOutcome> ExtractOneAsync(ParallaxPipeline pipeline, PageFiles reader, string file, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var load = await reader.LoadAsync(file, cancellationToken);
        if (load.Page is null)
        {
            return new PageOutcome(file, null, new Failure(file, load.Error));
        }

        var (page, detail) = ExtractSafely(pipeline, load.Page);
        if (page.Error is not null)
        {
            return new PageOutcome(file, null, new Failure(file, page.Error, detail));
        }

        return load.Partial ? new PageOutcome(file, page, new Failure(file, load.Error), Partial: true) : new PageOutcome(file, page, null);
    }

    /// <summary>
    /// The extractors return errors for the failures they know; anything else they throw is a bug, but one
    /// page's bug must not end the run, so it is reported as that page's failure (the exception only with --verbose).
    /// </summary>
    private static (PageExtraction Page, string? Detail) ExtractSafely(ParallaxPipeline pipeline, PageInput page)
    {
        try
        {
            return (pipeline.Extract(page), null);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return (PageExtraction.Failed(page.Path, "the page could not be extracted: an internal error (a bug; --verbose shows it)"), e.ToString());
        }
    }
}
