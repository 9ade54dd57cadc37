namespace Parallax.Core.Stories;

/// <summary>
/// Every knob of story clustering in one record. The defaults are the values tuned on ECB+ topics 1-22
/// (`parallax bench stories` prints the tuning and reports on the other topics); the window sizes bound memory.
/// </summary>
public sealed record StoryOptions
{
    public static StoryOptions Default { get; } = new();

    /// <summary>
    /// The lexical cosine at which a report is as likely as not the same story as a story (or text): the centre of the
    /// calibration <see cref="StoryScoring.Probability(double, StoryOptions)"/>. A report joins the best open story
    /// when its calibrated similarity reaches <see cref="JoinProbability"/>; pairs use the same decision.
    /// </summary>
    public double JoinThreshold { get; init; } = 0.15;

    /// <summary>The calibrated similarity (a probability of "same story") at which a report joins; 0.5 = as likely as not.</summary>
    public double JoinProbability { get; init; } = 0.5;

    /// <summary>
    /// Steepness of the lexical calibration, logit = slope x (cosine - <see cref="JoinThreshold"/>): fitted by logistic
    /// regression on same-event pairs of ECB+ topics 1-22 (`bench stories` prints the fit).
    /// </summary>
    public double LexicalSlope { get; init; } = 12.75;

    /// <summary>
    /// Where the embedding is consulted: the lexical probability of the best candidate lies in [low, high). The band
    /// is where an embedding cosine 0.1 off its centre could still flip the verdict (derived from the fit); outside
    /// it the words decide whatever the model would say, so the model is not asked.
    /// </summary>
    public double AmbiguousLow { get; init; } = 0.32;

    /// <inheritdoc cref="AmbiguousLow"/>
    public double AmbiguousHigh { get; init; } = 0.68;

    /// <summary>
    /// With an embedding: logit = this x (cosine - <see cref="JoinThreshold"/>) + <see cref="EmbeddingSlope"/> x
    /// (embedding cosine - <see cref="EmbeddingCenter"/>), fitted on the same pairs as <see cref="LexicalSlope"/>.
    /// </summary>
    public double EmbeddingLexicalSlope { get; init; } = 11.95;

    /// <inheritdoc cref="EmbeddingLexicalSlope"/>
    public double EmbeddingSlope { get; init; } = 7.2;

    /// <inheritdoc cref="EmbeddingLexicalSlope"/>
    public double EmbeddingCenter { get; init; } = 0.866;

    /// <summary>
    /// At most this share of the stream's reports (plus <see cref="EmbeddingAllowance"/>) is sent to the embedder; past
    /// it, doubtful reports are decided on words alone until the stream catches up. The model costs ~30 ms a passage,
    /// so 5% keeps a stream near 500 articles a second on two cores whatever share of it the words leave in doubt.
    /// </summary>
    public double MaxEmbeddedShare { get; init; } = 0.05;

    /// <summary>
    /// Whether the cascade embeds the passages one decision needs (the report's and its candidates' first reports') in
    /// parallel, on a machine with more than one core. A speed setting: each passage is embedded alone either way, so
    /// the vectors and decisions are the same.
    /// </summary>
    public bool ParallelEmbeddings { get; init; } = true;

    /// <summary>Passages the embedder may take before <see cref="MaxEmbeddedShare"/> applies (a small batch embeds freely).</summary>
    public int EmbeddingAllowance { get; init; } = 200;

    /// <summary>
    /// Words of title and lead the embedding reads (about 130 word pieces of ordinary English; the shipped model reads
    /// at most 128 pieces, so a lead dense with rare names is cut sooner and costs no more than another). On ECB+ 100
    /// words cluster as well as 200 (B-cubed 0.901 against 0.900, Spearman of `pairs` 0.896 both) at well under half
    /// of the model's time. Fewer words cost less again (about 55, 27 and 15 ms of one core for 100, 50 and 25 words,
    /// measured under load), and with the calibration refitted 50 words keep ECB+ (all 0.903, topics 23-45 0.909, worst
    /// order 0.878, UCI 0.626), but the model alone says less (Spearman 0.869 against 0.885), its fitted slope falls
    /// (6.08 against 7.03), so the band where it is consulted narrows to [0.36, 0.64), and a match and an election that
    /// share a town's name (SameStoryWithModelTests) join on the words alone: not worth its half of the model's time.
    /// </summary>
    public int EmbeddingWords { get; init; } = 100;

    /// <summary>
    /// Content this sure of being the same story is not damped by time: a report written weeks later about the same
    /// event stays in its story. Below it the time factor applies, so a new development on a familiar topic (a trial
    /// years after the crime) starts its own, related story.
    /// </summary>
    public double SureProbability { get; init; } = 0.8;

    /// <summary>
    /// The event-level check: a report joins (and stories merge) only when their similarity weighted by the
    /// stream's own document frequencies, without the general-English prior, also reaches this. Names every article
    /// of a small batch shares ("Russia", "Storm X") then count for little, and the event's own terms decide.
    /// </summary>
    public double LocalJoinThreshold { get; init; } = 0.13;

    /// <summary>Two open stories whose centroids reach this are one story and are merged.</summary>
    public double MergeThreshold { get; init; } = 0.6;

    /// <summary>A story whose two halves are less alike than this is split in two (kept below the merge threshold).</summary>
    public double SplitThreshold { get; init; } = 0.4;

    /// <summary>
    /// A report of at most this many words of title and lead is short: a headline (news headlines run to about 20
    /// words at most), a feed entry without its article. Past it a lead sentence with its names is there, and the
    /// full-text rules judge it.
    /// Its few words rarely share a heavy term with another report of the event ("Apple unveils..." against "iPhone
    /// maker's new..."), so words alone cannot find or judge its story. With an embedder, a short report is always
    /// embedded (a headline costs the model about a tenth of a full passage, so outside
    /// <see cref="MaxEmbeddedShare"/>), its candidates include the open stories nearest to it by embedding
    /// (<see cref="SemanticCandidates"/>), and a story of mostly short reports is not split by words. 0 turns it off.
    /// </summary>
    public int ShortReportWords { get; init; } = 20;

    /// <summary>
    /// The lexical centre of a short report's calibration, in place of <see cref="JoinThreshold"/>, and its event-level
    /// check is off. Two headlines of one event usually share no heavy word, so for a short report the absence of shared
    /// words is no evidence against the story: at 0 its probability rests on the embedding, and any shared word adds to
    /// it. The event-level check needs more words than a headline has.
    /// </summary>
    public double ShortJoinThreshold { get; init; }

    /// <summary>Open stories nearest by embedding that a short report is also scored against (besides those sharing its words).</summary>
    public int SemanticCandidates { get; init; } = 3;

    /// <summary>Stories up to this many reports keep their reports' vectors and can still be split.</summary>
    public int MaxSplitMembers { get; init; } = 48;

    /// <summary>
    /// Stories below the merge threshold whose ordinary words (names and numbers left out) are at least this alike
    /// are "related": same topic, another event.
    /// </summary>
    public double RelatedThreshold { get; init; } = 0.05;

    /// <summary>
    /// Weight of named entities (capitalised names) relative to ordinary terms. Fixed, not tuned: a name word already
    /// counts three times (as a name, inside its run, as a word); at 3 names carried most of the similarity and joined
    /// different developments that share people or places; at 1.5 they carry about 40% on ECB+ same-topic pairs.
    /// </summary>
    public float EntityWeight { get; init; } = 1.5f;

    /// <summary>Weight of numbers and dates relative to ordinary terms.</summary>
    public float NumberWeight { get; init; } = 1.0f;

    /// <summary>How many times a title word counts against a body word.</summary>
    public float TitleBoost { get; init; } = 2.0f;

    /// <summary>
    /// Pseudo-documents added to the collection size in the inverse document frequency, so that the first few
    /// articles (or a single pair) get a sensible, nearly flat weighting instead of zero weights for shared words.
    /// </summary>
    public int IdfPrior { get; init; } = 1;

    /// <summary>
    /// How many ordinary English documents the background word frequencies (<see cref="BackgroundFrequencies"/>) stand
    /// for in the inverse document frequency (see <see cref="DocumentFrequencies.Idf"/>), so words common in English
    /// ("president", "school") weigh little even in a handful of articles, while rare names and figures weigh a lot.
    /// 0 turns the prior off.
    /// </summary>
    public double BackgroundDocuments { get; init; } = 100;

    /// <summary>A report keeps at most this many of its heaviest features; bounds work on enormous articles.</summary>
    public int MaxDocumentFeatures { get; init; } = 160;

    /// <summary>A story centroid keeps at most this many features; bounds memory for large stories.</summary>
    public int MaxCentroidFeatures { get; init; } = 320;

    /// <summary>How many of a story's heaviest features are put in the inverted index.</summary>
    public int IndexTerms { get; init; } = 40;

    /// <summary>How many of a report's heaviest features are looked up in the inverted index.</summary>
    public int QueryTerms { get; init; } = 32;

    /// <summary>How many retrieved stories are scored exactly.</summary>
    public int MaxCandidates { get; init; } = 24;

    /// <summary>Index entries shared by more open stories than this are too common to retrieve by and are skipped.</summary>
    public int MaxPostingScan { get; init; } = 1500;

    /// <summary>Open stories kept at most; the least recently updated are closed first.</summary>
    public int MaxOpenStories { get; init; } = 10_000;

    /// <summary>
    /// A story with no new report for this long (in published time, against the latest report seen) is closed. It
    /// bounds memory in a live stream; long enough that a follow-up weeks later can still find its story.
    /// </summary>
    public TimeSpan OpenWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Reports this close in time to a story's time span get no time penalty.</summary>
    public TimeSpan TimeGrace { get; init; } = TimeSpan.FromHours(36);

    /// <summary>
    /// Beyond the grace period the similarity of a report not sure by content (<see cref="SureProbability"/>) decays by
    /// e^(-excess/TimeDecay): slowly, since follow-ups days later are common and the content check comes first.
    /// </summary>
    public TimeSpan TimeDecay { get; init; } = TimeSpan.FromDays(10);

    /// <summary>The document-frequency table is pruned of single-use entries when it grows beyond this.</summary>
    public int MaxVocabulary { get; init; } = 3_000_000;

    /// <summary>At most this many related stories are listed per story.</summary>
    public int MaxRelated { get; init; } = 5;
}
