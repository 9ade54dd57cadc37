using Parallax.Core.Analysis;
using Parallax.Core.Language;

namespace Parallax.Core.Coverage;

/// <summary>
/// Groups the direct quotes of a story's reports into statements: two renderings from different outlets are one
/// statement when the story gives them one speaker and their words match (synonyms count, so two translations of
/// one sentence meet), or, when one outlet leaves the speaker unclear, when they are near-verbatim. Quotes of two
/// different speakers never join. Stateless apart from what it is built with.
/// </summary>
public sealed class QuoteAligner
{
    private readonly ClaimVocabulary vocabulary;
    private readonly ClaimMatcher matcher;

    public QuoteAligner(ClaimVocabulary vocabulary, ClaimMatcher matcher)
    {
        this.vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        this.matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
    }

    /// <summary>One quote of one report, read as a claim of its quoted words, with its speaker resolved.</summary>
    public sealed record Rendering(string Article, string Words, string? Written, string? Speaker, int[] Span, Claim Claim);

    public List<Rendering> Read(string article, TextAnalysis analysis, SpeakerResolver speakers)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(speakers);
        var renderings = new List<Rendering>();
        foreach (var quote in analysis.Quotes)
        {
            if (renderings.Count >= ClaimReader.MaxClaimsPerReport || quote.Sentence < 0)
            {
                break;
            }

            var words = quote.TextIn(analysis.Text).TrimEnd(',', ';', ':', ' ');
            var terms = Terms(analysis, quote);
            if (terms.Length == 0)
            {
                continue;
            }

            var clause = quote.SpeakerSpan is { } s && quote.Speaker is null ? s.ToString(analysis.Text) : null;
            var written = quote.Speaker ?? (quote.SpeakerSpan is { } c ? NameOfOrganisation(analysis, c) ?? TitledAfterVerb(analysis, c) : null);
            var speaker = speakers.Resolve(written, written is null ? clause : null);

            // A speaker the outlet named only by title ("the minister told reporters") is still shown as it wrote them
            // (a pronoun says nothing more than the quote's speaker does).
            written ??= clause is not null ? TitleIn(clause) : null;
            var last = QuoteSentence(analysis, quote.End);
            var span = new[] { analysis.Sentences[quote.Sentence].Start, analysis.Sentences[Math.Max(last, quote.Sentence)].End };
            var claim = new Claim(article, quote.Sentence, words, new TextSpan(span[0], span[1]), terms, [], [], [], [], [], false, null, null, null);
            renderings.Add(new Rendering(article, words, written, speaker, span, claim));
        }

        return renderings;
    }

    /// <summary>
    /// The words that name the speaker in an attribution clause without a name: before the speech verb ("the minister
    /// told reporters"), else after it up to the first comma ("said the fire chief, who ..."); null when there are none.
    /// </summary>
    private static readonly HashSet<string> Pronouns = new(["he", "she", "they", "it", "we", "i", "you"], StringComparer.OrdinalIgnoreCase);

    private static string? TitleIn(string clause)
    {
        var words = clause.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var verb = Array.FindIndex(words, w => ClaimReader.AttributionVerbs.Contains(w.Trim(',', '.', ';', ':')));
        var named = new List<string>();
        if (verb > 0)
        {
            named.AddRange(words[..verb]);
        }
        else if (verb == 0)
        {
            foreach (var word in words[1..])
            {
                named.Add(word);
                if (word.EndsWith(',') || word.EndsWith('.') || word.EndsWith(';'))
                {
                    break;
                }
            }
        }

        var text = string.Join(' ', named).Trim(',', '.', ';', ':', ' ', '"', '\u201C', '\u201D');
        return text.Length == 0 || named.Count > 6 || named.Count == 1 && Pronouns.Contains(text) ? null : text;
    }

    /// <summary>
    /// "Erik Dahl of the coastguard said": a name whose description ("of the coastguard", "from the agency") stands
    /// between it and the speech verb is the speaker; the language layer leaves such a clause without one.
    /// </summary>
    private static string? NameOfOrganisation(TextAnalysis analysis, TextSpan clause)
    {
        var text = analysis.Text;
        foreach (var name in analysis.Names)
        {
            if (name.Start < clause.Start || name.End > clause.End)
            {
                continue;
            }

            var rest = text.AsSpan(name.End, clause.End - name.End).TrimStart();
            if (!(rest.StartsWith("of ", StringComparison.Ordinal) || rest.StartsWith("from ", StringComparison.Ordinal)))
            {
                continue;
            }

            var words = rest.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 1; i < words.Length && i <= 5; i++)
            {
                var word = words[i].TrimEnd('.', ',', ';');
                if (ClaimReader.AttributionVerbs.Contains(word) && !word.StartsWith("tol", StringComparison.OrdinalIgnoreCase) && word != "according")
                {
                    return text[name.Start..name.End];
                }

                if (word.Length == 0 || char.IsUpper(word[0]) || word.Contains('"'))
                {
                    break;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// "said fire chief Marta Quill": a name after the speech verb with only lower-case title words between is the
    /// speaker (not after "told", whose object is the listener).
    /// </summary>
    private static string? TitledAfterVerb(TextAnalysis analysis, TextSpan clause)
    {
        var text = analysis.Text;
        foreach (var name in analysis.Names)
        {
            if (name.Start < clause.Start || name.End > clause.End)
            {
                continue;
            }

            var words = text[clause.Start..name.Start].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var verb = Array.FindLastIndex(words, w => ClaimReader.AttributionVerbs.Contains(w.TrimEnd(',')));
            if (verb < 0 || words[verb].StartsWith("tol", StringComparison.OrdinalIgnoreCase) || words[verb].Equals("according", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var between = words[(verb + 1)..];
            if (between.Length is >= 1 and <= 3 && between.All(w => w.All(char.IsLower)))
            {
                return text[name.Start..name.End];
            }
        }

        return null;
    }

    /// <summary>Renderings grouped into statements, at most one per article each, in reading order.</summary>
    public List<QuotedStatement> Align(IReadOnlyList<Rendering> renderings, Func<Claim, float[]?>? embed = null)
    {
        ArgumentNullException.ThrowIfNull(renderings);
        var pairs = new List<(double Similarity, int A, int B)>();
        for (var i = 0; i < renderings.Count; i++)
        {
            for (var j = i + 1; j < renderings.Count; j++)
            {
                var a = renderings[i];
                var b = renderings[j];
                if (a.Article == b.Article || a.Speaker is not null && b.Speaker is not null && !SameSpeaker(a.Speaker, b.Speaker))
                {
                    continue;
                }

                // Word vectors only where one speaker's two renderings may be two translations; a quote whose speaker is
                // unclear joins only near-verbatim, which the plain overlap measures (and the vectors cost most).
                var lexical = a.Speaker is not null && b.Speaker is not null
                    ? ClaimMatcher.SoftLexical(a.Claim, b.Claim, vocabulary)
                    : ClaimMatcher.Lexical(a.Claim, b.Claim);
                var similarity = matcher.Similarity(a.Claim, b.Claim, lexical, embed);
                var needed = a.Speaker is null || b.Speaker is null ? matcher.Options.UnattributedQuoteThreshold
                    : Sole(renderings, a) && Sole(renderings, b) ? matcher.Options.SoleQuoteThreshold : matcher.Options.QuoteThreshold;
                if (similarity >= needed)
                {
                    pairs.Add((similarity, i, j));
                }
            }
        }

        pairs.Sort((x, y) => y.Similarity != x.Similarity ? y.Similarity.CompareTo(x.Similarity) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var group = Enumerable.Range(0, renderings.Count).ToArray();
        var members = Enumerable.Range(0, renderings.Count).Select(i => new List<int> { i }).ToList();
        foreach (var (_, i, j) in pairs)
        {
            int gi = group[i], gj = group[j];
            if (gi == gj || members[gi].Exists(x => members[gj].Exists(y => renderings[x].Article == renderings[y].Article))
                || SpeakerOf(renderings, members[gi]) is { } si && SpeakerOf(renderings, members[gj]) is { } sj && !SameSpeaker(si, sj))
            {
                continue;
            }

            foreach (var m in members[gj])
            {
                group[m] = gi;
            }

            members[gi].AddRange(members[gj]);
            members[gj].Clear();
        }

        var statements = new List<QuotedStatement>();
        foreach (var list in members.Where(m => m.Count > 0).OrderBy(m => m.Min()))
        {
            list.Sort();
            statements.Add(new QuotedStatement(
                SpeakerOf(renderings, list),
                list.ConvertAll(i => new CoverageVariant(renderings[i].Article, renderings[i].Words, renderings[i].Span, renderings[i].Written))));
        }

        return statements;
    }

    /// <summary>One person, however each outlet spells the name ("Zelinsky", "Zelinskyi").</summary>
    private bool SameSpeaker(string a, string b) =>
        a == b || matcher.Variants.Variant(ClaimReader.Lower(a), ClaimReader.Lower(b));

    /// <summary>The only quote its speaker has in its article: two outlets' only quotes of one person are most likely one statement.</summary>
    private bool Sole(IReadOnlyList<Rendering> renderings, Rendering r) =>
        renderings.Count(x => x.Article == r.Article && x.Speaker is not null && SameSpeaker(x.Speaker, r.Speaker!)) == 1;

    private static string? SpeakerOf(IReadOnlyList<Rendering> renderings, List<int> members)
    {
        foreach (var m in members)
        {
            if (renderings[m].Speaker is { } s)
            {
                return s;
            }
        }

        return null;
    }

    private ClaimTerm[] Terms(TextAnalysis analysis, Quote quote)
    {
        var terms = new List<ClaimTerm>();
        foreach (var part in quote.Parts)
        {
            for (var t = FirstTokenAt(analysis, part.Start); t < analysis.Tokens.Length && analysis.Tokens[t].End <= part.End; t++)
            {
                var token = analysis.Tokens[t];
                if (token.Has(TokenFlags.StopWord) || token.Has(TokenFlags.Number))
                {
                    continue;
                }

                var term = vocabulary.Of(ClaimReader.Lower(token.In(analysis.Text)));
                if (terms.Count < ClaimReader.MaxTermsPerClaim && !terms.Exists(t => t.Word == term.Word) && term.Word.Any(char.IsLetter))
                {
                    terms.Add(term);
                }
            }
        }

        return [.. terms];
    }

    private static int FirstTokenAt(TextAnalysis analysis, int position)
    {
        int lo = 0, hi = analysis.Tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (analysis.Tokens[mid].Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int QuoteSentence(TextAnalysis analysis, int position)
    {
        int lo = 0, hi = analysis.Sentences.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (analysis.Sentences[mid].Start <= position)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
