using System.CommandLine;
using Parallax.App.Output;
using Parallax.Core.Analysis;
using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;
using Parallax.Embeddings;
using Parallax.Ingest.Files;
using Spectre.Console;

namespace Parallax.App.Commands;

/// <summary>`parallax analyze PATH... [--json]`: the whole pipeline, in memory, over files and folders.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to analyze (.html, .htm, .html.gz, .txt). Folders are walked; each file is one page.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (the contract of GUIDE.md section 3) instead of a report for people." };
        var command = new Command(
            "analyze",
            "Extract the articles of each page, find copies and spun copies, and group the articles into stories. " +
            "Nothing is stored. Exits with 1 when some inputs could not be read (each is named on standard error).")
        {
            paths,
            json,
        };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(paths)!, result.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool json, CancellationToken cancellationToken)
    {
        // The model loads on the first passage the cascade sends it, so a run that words settle never pays for it.
        using var embedder = new ArcticEmbedder();
        var pipeline = new ParallaxPipelineBuilder().UseEmbedder(embedder).Build();
        var run = await ExtractAllAsync(pipeline, paths, cancellationToken);
        var result = pipeline.Analyze(run.Pages);

        if (json)
        {
            await AnalysisJson.WriteAsync(Console.OpenStandardOutput(), result, cancellationToken);
        }
        else
        {
            AnalysisReport.Write(AnsiConsole.Console, result);
        }

        foreach (var failure in run.Failures)
        {
            await Console.Error.WriteLineAsync($"parallax: {failure.Path}: {failure.Error}");
        }

        if (run.Failures.Count > 0)
        {
            await Console.Error.WriteLineAsync($"parallax: {run.Failures.Count} of {run.Failures.Count + run.Pages.Count} inputs failed; the rest were analyzed.");
        }

        return run.Failures.Count > 0 ? 1 : 0;
    }

    internal sealed record ExtractionRun(IReadOnlyList<PageExtraction> Pages, IReadOnlyList<PageLoad> Failures);

    /// <summary>Reads and extracts every page; a page that fails is recorded with its reason and the run goes on.</summary>
    internal static async Task<ExtractionRun> ExtractAllAsync(ParallaxPipeline pipeline, IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var (files, missing) = PageFiles.Expand(paths);
        var failures = new List<PageLoad>(missing);
        var pages = new List<PageExtraction>();
        var reader = new PageFiles();

        async Task ExtractOne(string file)
        {
            var load = await reader.LoadAsync(file, cancellationToken);
            if (load.Page is null)
            {
                failures.Add(load);
                return;
            }

            var page = ExtractSafely(pipeline, load.Page);
            if (page.Error is not null)
            {
                failures.Add(new PageLoad(file, null, page.Error));
            }
            else
            {
                pages.Add(page);
            }
        }

        // A progress bar only where a person watches and the run is long enough to want one.
        if (files.Count >= 20 && !Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Extracting pages", maxValue: files.Count);
                foreach (var file in files)
                {
                    await ExtractOne(file);
                    task.Increment(1);
                }
            });
        }
        else
        {
            foreach (var file in files)
            {
                await ExtractOne(file);
            }
        }

        return new ExtractionRun(pages, failures);
    }

    /// <summary>
    /// The extractors return errors for the failures they know; anything else they throw is a bug, but one
    /// page's bug must not end the run, so it is reported as that page's failure.
    /// </summary>
    private static PageExtraction ExtractSafely(ParallaxPipeline pipeline, PageInput page)
    {
        try
        {
            return pipeline.Extract(page);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PageExtraction.Failed(page.Path, $"extraction failed: {e.GetType().Name}: {e.Message}");
        }
    }
}
