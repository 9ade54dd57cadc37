using Parallax.Core.Extraction;
using Parallax.Core.Identity;
using Parallax.Core.Spin;
using Parallax.Core.Stories;

namespace Parallax.Core.Pipeline;

/// <summary>
/// Every setting of the pipeline, one part per stage, with its defaults. <see cref="ParallaxPipelineBuilder"/> checks
/// it (<see cref="Problems"/>) and freezes it into a pipeline; the CLI, the service and the benchmarks share that.
/// </summary>
public sealed record ParallaxOptions
{
    public static ParallaxOptions Default { get; } = new();

    public ExtractionOptions Extraction { get; init; } = ExtractionOptions.Default;

    public SpinOptions Spin { get; init; } = SpinOptions.Default;

    public CopyIndexOptions Copies { get; init; } = CopyIndexOptions.Default;

    public StoryOptions Stories { get; init; } = StoryOptions.Default;

    public Coverage.CoverageOptions Coverage { get; init; } = Parallax.Core.Coverage.CoverageOptions.Default;

    /// <summary>How many threads prepare articles (extraction aside: spin, language) ahead of the session; 0 = one per core.</summary>
    public int PrepareThreads { get; init; }

    /// <summary>What is wrong with these options, one sentence each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>(Extraction.Problems());
        problems.AddRange(Coverage.Problems());
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(Spin.SpunThreshold is > 0 and < 1, $"Spin.SpunThreshold must lie between 0 and 1, not {Spin.SpunThreshold}.");
        Check(Copies.SketchSize > 0 && Copies.Bands * Copies.RowsPerBand <= Copies.SketchSize,
            $"Copies: Bands x RowsPerBand ({Copies.Bands} x {Copies.RowsPerBand}) must fit in SketchSize ({Copies.SketchSize}).");
        Check(Copies.NearDuplicateThreshold is > 0 and <= 1, $"Copies.NearDuplicateThreshold must lie in (0, 1], not {Copies.NearDuplicateThreshold}.");
        Check(Copies.ShingleSize > 0, $"Copies.ShingleSize must be positive, not {Copies.ShingleSize}.");
        Check(Stories.JoinThreshold is >= 0 and < 1, $"Stories.JoinThreshold must lie in [0, 1), not {Stories.JoinThreshold}.");
        Check(Stories.ShortJoinThreshold is >= 0 and < 1, $"Stories.ShortJoinThreshold must lie in [0, 1), not {Stories.ShortJoinThreshold}.");
        Check(Stories.MergeThreshold >= Stories.JoinThreshold,
            $"Stories.MergeThreshold ({Stories.MergeThreshold}) must not be below Stories.JoinThreshold ({Stories.JoinThreshold}).");
        Check(Stories.SplitThreshold is >= 0 and <= 1, $"Stories.SplitThreshold must lie between 0 and 1, not {Stories.SplitThreshold}.");
        Check(Stories.MaxOpenStories > 0, $"Stories.MaxOpenStories must be positive, not {Stories.MaxOpenStories}.");
        Check(Stories.OpenWindow > TimeSpan.Zero, $"Stories.OpenWindow must be positive, not {Stories.OpenWindow}.");
        Check(PrepareThreads >= 0, $"PrepareThreads must be 0 (one per core) or more, not {PrepareThreads}.");
        return problems;
    }
}
