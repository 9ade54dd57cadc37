namespace Parallax.Core.Spin;

/// <summary>
/// The analyser's tunable constants, all chosen on the calibration split (ECB+ topics 1-22; for the fluency weight, also
/// the SpinBot set's calibration half, d000-d015) and nowhere else. The figures quoted are restoration at 30% spin there
/// (SpinDiagnosticsTests), each step against the one before.
/// </summary>
/// <param name="SpunThreshold">Articles scoring at or above this are spun. With the fluency term below, on the 462 unspun
/// calibration articles the five highest scores are 0.389, 0.376, 0.365, 0.364 and 0.363, so 4 (0.9%) score 0.364 or
/// more and at most 1% of natural articles there are called spun (0.27 before the fluency term). At it, 444 of their
/// 462 copies spun at 30% are flagged, 263 at 10%.</param>
/// <param name="RestorePrior">Prior that any one content word is a swap, when restoring (a text judged spun, or a caller
/// that asks): a substantial share of its words were swapped (0.5 -> 0.65: 0.791 -> 0.793 with the window below).</param>
/// <param name="DetectPrior">The share of swapped words the score's mixture test looks for: low, so that it weighs many
/// mildly odd words (light spinning) and not only a few very odd ones.</param>
/// <param name="ChannelWeight">Weight of log P(spinner writes the found word | it had the candidate) in deciding whether a
/// word is a swap.</param>
/// <param name="ChoiceChannelWeight">The same weight in choosing which synonym a swap replaced: the true 1 once the
/// trigram model carries frequency (0.4 -> 1 with the unigram term dropped: 0.776 -> 0.780).</param>
/// <param name="DocumentWeight">Share of a word's probability taken from its frequency in the text itself (a cache
/// model: articles repeat their words, and a spinner rarely swaps every occurrence of one).</param>
/// <param name="Adaptive">Estimate each text's share of swapped words (starting from <paramref name="RestorePrior"/>)
/// and restore with that as the prior.</param>
/// <param name="DetectChannelWeight">The channel weight for the score (the full noisy-channel likelihood ratio). The
/// score uses the plain model (frequency and Brown pairs at full weight) whatever the restoring weights below.</param>
/// <param name="UnspunEditConfidence">In a text of 40 or more judged words scoring below <paramref name="SpunThreshold"/>,
/// only restorations at least this probable are made (0 keeps all). With it (and the other constants as shipped), the
/// calibration split's unspun articles get edits at 6.4% of judged words instead of 16.9%; restoration at 10% spin falls
/// from 0.631 to 0.610, and at 30%, where nearly every copy reads as spun, is unchanged.</param>
/// <param name="Smoothing">Dirichlet mass of the pair model: how many observations the unigram prior is worth (3000
/// rather than 1000 raised recall at 10% spin on the calibration split from 0.71 to 0.75, restoration unchanged).</param>
/// <param name="SemanticWeight">Choosing: weight of the cosine between a wording's GloVe vector and its passage's
/// (<see cref="WordVectors"/>; 0 -> 6 raised restoration from 0.691 to 0.712; 8 with the trigram model).</param>
/// <param name="SemanticWindow">Tokens on either side that make up the passage (5 scored 0.793, 8 0.791, 15 and 60
/// lower).</param>
/// <param name="NgramWeight">Choosing: weight of the trigram model's log-probability of a wording with the two words
/// either side (<see cref="NgramModel"/>; 0 -> 2 raised restoration from 0.725 to 0.762; 1.3 once the channel carries
/// its full weight and the search below reads whole sentences, 0.789 -> 0.791).</param>
/// <param name="CacheWeight">Choosing: weight of log(1 + the wording's lemma's other occurrences in the text): 2 against
/// 0, 0.762 -> 0.776 together with the semantic and channel weights.</param>
/// <param name="PairCacheWeight">Choosing: weight of log(1 + the other occurrences of the pairs a wording makes with its
/// neighbours): articles repeat phrases and names (0 -> 2: 0.803 -> 0.805).</param>
/// <param name="NameWeight">Choosing, for a capitalised word inside a sentence: weight of log(1 + how often the
/// wording stands capitalised elsewhere in the text) (0 -> 1: 0.793 -> 0.794).</param>
/// <param name="JointOptions">In a text that reads as spun, each unit's best candidates that a search over whole
/// sentences weighs together, so that neighbouring swaps are restored jointly (0 -> 6: 0.784 -> 0.789).</param>
/// <param name="ScreenThreshold">The cheap screen (<see cref="SpinScreen"/>) sends a text on to the full reading when its
/// score with neighbours as found is at least this; below it the text is natural and the full model does not run
/// (0 sends every text on). On the calibration split (natural articles, their copies spun at 10% and 30%, and the SpinBot
/// calibration half), the lowest screen score of a text whose full score comes within 0.03 of the spun threshold (or
/// above it) is 0.317; 0.29 keeps a margin below that and sends on about 5% of the unspun articles there (0.25: 10%,
/// 0.3: 3%).</param>
/// <param name="FluencyWeight">Weight of the text's fluency in the score (<see cref="TextFluency"/>: how predictably its
/// words follow the two before them under the trigram model, function words and phrases included). Chosen on the SpinBot
/// calibration half (d000-d015): at the threshold that flags 1% of the ECB+ articles, 0 flags 2 of its 16 spun documents,
/// 0.5 flags 9, 0.75, 1 and 1.5 flag 12, 2 flags 11. Of the best, 0.75 costs least on light thesaurus spinning (ECB+
/// calibration copies spun at 10% flagged at 1% of its natural articles: 263 of 462 against 221 at 1; before the term
/// the figure was about 0.75).</param>
/// <param name="FluencyReference">The fluency at which the score is left as it is: about the median of the ECB+
/// articles (0.739).</param>
public sealed record SpinOptions(
    double SpunThreshold = 0.78, double RestorePrior = 0.65, double DetectPrior = 0.1, double ChannelWeight = 0.5,
    double Smoothing = 3000, double DocumentWeight = 0.3, bool Adaptive = true,
    double DetectChannelWeight = 1, double UnspunEditConfidence = 0.95, double SemanticWeight = 8,
    int SemanticWindow = 5, double ChoiceChannelWeight = 1, double NgramWeight = 1.3, double CacheWeight = 2,
    double PairCacheWeight = 2, double NameWeight = 1, int JointOptions = 6, double ScreenThreshold = 0.6,
    double FluencyWeight = 1.25, double FluencyReference = 0.75, double OddPairWeight = 4,
    double OddPairReference = 0.08, double PreferenceWeight = 5, double PreferenceReference = 0.05)
{
    public static SpinOptions Default { get; } = new();
}

