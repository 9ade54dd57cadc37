namespace Parallax.Core.Spin;

/// <summary>
/// Scores spinning and restores the usual wording, with a noisy-channel model over the shipped thesaurus
/// (<see cref="Thesaurus"/>): a writer chose each word with the probabilities of ordinary English, and a spinner may
/// then have swapped it for one of its synonyms; and what the trigram model makes of the text as written (how
/// predictably it reads and how many words stand in odd pairs, <see cref="TextFluency"/>; where it prefers a unit's
/// likeliest candidate, <see cref="ContextPreference"/>). A text
/// is read in parts: units and candidates (<see cref="SpinText"/>, <see cref="SpinLexicon"/>); the screen every text
/// passes (<see cref="ScreenModel"/>: <see cref="PlainModel"/>, fluency, <see cref="SpinScore"/>); for one it sends on,
/// the full reading that scores and restores it (<see cref="SpinReader"/>: both models in <see cref="UnitJudge"/>, the
/// search over sentences in <see cref="SentenceDecoder"/>). Resources load on first use, the trigram model with the
/// first screen, the vectors with the first full reading. Thread-safe: its only state is bounded memos of each word's
/// readings and candidates, so one instance serves every thread and gets faster as it warms up. A spun copy whose
/// original is known is restored from it instead (<see cref="CopyRestoration"/>).
/// </summary>
public sealed class SpinAnalyzer
{
    private readonly Lazy<(SpinLexicon Lexicon, PlainModel Plain, ScreenModel Screen)> cheap;
    private readonly Lazy<SpinReader> reader;

    public SpinAnalyzer()
        : this(() => Thesaurus.Default, null)
    {
    }

    // The chained constructor only prepares the lazy parts, so the check below still comes before any use.
    public SpinAnalyzer(Thesaurus thesaurus, SpinOptions? options = null)
        : this(() => thesaurus, options) => ArgumentNullException.ThrowIfNull(thesaurus);

    private SpinAnalyzer(Func<Thesaurus> thesaurus, SpinOptions? options)
    {
        var chosen = Options = options ?? SpinOptions.Default;
        cheap = new(() =>
        {
            var (lexicon, plain) = (new SpinLexicon(thesaurus()), new PlainModel(thesaurus(), chosen));
            return (lexicon, plain, new ScreenModel(lexicon, plain, chosen));
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        reader = new(() => new SpinReader(cheap.Value.Lexicon, cheap.Value.Plain, chosen),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SpinOptions Options { get; }

    /// <summary>The analyser over the embedded thesaurus, loaded on first use (once per process); the pipeline holds one.</summary>
    public static SpinAnalyzer CreateDefault() => new();

    /// <summary>
    /// The spin score and, for a spun text, its restoration. Every text passes the cheap screen first; one it does not
    /// send on is natural, and its score is the screen's.
    /// </summary>
    public SpinResult Analyze(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SpinResult.Natural;
        }

        var (read, screened) = ScreenOf(text);
        if (!screened.Passes || read is null)
        {
            return new SpinResult(screened.Score, false, null);
        }

        var reading = reader.Value.Read(read, screened.LanguageTerm);
        var spun = reading.Score >= Options.SpunThreshold;
        return new SpinResult(reading.Score, spun, spun ? Apply(text, reading.Edits) : null);
    }

    /// <summary>The cheap screen alone (on a long text, its sample): a first spin score, and whether the full reading should follow.</summary>
    public SpinScreen Screen(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ScreenOf(text).Screen;
    }

    // A long text is screened on a sample first; one whose sample does not settle it as natural is screened whole, so
    // the screen passes on only a text it read whole, and that reading is the full reading's.
    private (SpinText? Whole, SpinScreen Screen) ScreenOf(string text)
    {
        var sample = ScreenSample.Of(text, Options.ScreenSampleWords);
        if (!ReferenceEquals(sample, text))
        {
            var first = cheap.Value.Screen.Screen(SpinText.Read(cheap.Value.Lexicon, sample), sampled: true);
            if (first.Score < Options.SampleSettlesBelow)
            {
                return (null, first);
            }
        }

        var whole = SpinText.Read(cheap.Value.Lexicon, text);
        return (whole, cheap.Value.Screen.Screen(whole, sampled: false));
    }

    /// <summary>The text with the usual wording put back wherever a swap is more likely than not, whatever the score.</summary>
    public string Restore(string text) => string.IsNullOrEmpty(text) ? text ?? "" : Apply(text, Read(text).Edits);

    /// <summary>The score and the restorations the full model finds in a text.</summary>
    public SpinReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var read = SpinText.Read(cheap.Value.Lexicon, text);
        return reader.Value.Read(read, cheap.Value.Screen.Screen(read, sampled: false).LanguageTerm);
    }

    /// <summary>
    /// The wordings a spinner could have replaced by the words at the start of <paramref name="text"/> (one word or
    /// thesaurus phrase): every synonym of every reading, inflected alike. Empty when the text starts with no
    /// judgeable word.
    /// </summary>
    public IReadOnlyList<string> Alternatives(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return cheap.Value.Lexicon.AlternativesAt(text);
    }

    /// <summary>Applies restorations (in text order, not overlapping) to the text they were read from.</summary>
    public static string Apply(string text, IReadOnlyList<SpinEdit> edits) => SpinEdits.Apply(text, edits);
}
