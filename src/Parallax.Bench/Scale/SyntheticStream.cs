using System.Text;

namespace Parallax.Bench.Scale;

/// <summary>One article of the synthetic stream, with its truth.</summary>
/// <param name="Index">Position in the stream (0-based).</param>
/// <param name="Event">The synthetic event it reports.</param>
/// <param name="CopyOf">For an exact or near copy, the index of the article it copies; -1 for a distinct report.</param>
internal sealed record SyntheticArticle(int Index, string Title, string Text, DateTimeOffset Published, int Event, int CopyOf);

/// <summary>
/// A lazily generated stream of news articles built from benchmark texts (the ECB+ documents). How:
/// - A synthetic event takes one ECB+ gold event (its documents are different reports of one real event) and a
///   rewriting key. Every capitalised word becomes a made-up name, every number another number, and half of the
///   other words of four letters or more a made-up word, each drawn from a hash of (key, word): the reports of one
///   synthetic event share names, figures and vocabulary; two synthetic events made from the same gold event share
///   only the rest. So the stream holds far more distinct events than ECB+ has.
/// - Each report (1 to 8 per event) is a title and 4 to 9 sentences drawn at random from all the sentences of the
///   gold event's documents, rewritten with the event's key: reports of one event overlap in content but are not
///   copies of each other (nor of reports of other events made from the same gold event, whose sentences are drawn
///   afresh and rewritten differently).
/// - About 300 events are live at any time, their reports interleaved; time advances 2.5 s per article (a million
///   articles span about a month), so old stories age out of the open window.
/// - Copies at known rates: 10% of articles are exact copies (whitespace changed) and 5% near copies (a sentence
///   dropped, a word changed) of a report from the last 2,000 articles.
/// Only the live events and a ring of recent articles are held, never the stream.
/// </summary>
internal sealed class SyntheticStream(IReadOnlyList<(string Event, string Text)> sources, int seed)
{
    public const double ExactCopyRate = 0.10;
    public const double NearCopyRate = 0.05;
    private const int LiveEvents = 300;
    private const int RecentRing = 2000;

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ra", "ven", "dor", "sa", "tel", "bru", "nik", "ost", "ar", "zel", "pon", "qui", "mar",
        "lin", "gra", "hol", "est", "vik", "tor", "ul", "fen", "bar", "wen", "ida", "rok", "sim", "cal",
    ];

    public IEnumerable<SyntheticArticle> Generate(int count)
    {
        var random = new Random(seed);
        var byEvent = new Dictionary<string, List<int>>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (!byEvent.TryGetValue(sources[i].Event, out var list))
            {
                byEvent[sources[i].Event] = list = [];
            }

            list.Add(i);
        }

        var events = byEvent.Values.ToArray();

        // Each gold event's pool of sentences (lines of at least five words: no date or byline lines).
        var pools = new string[events.Length][];
        for (var e = 0; e < events.Length; e++)
        {
            pools[e] = events[e]
                .SelectMany(i => sources[i].Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(line => line.Count(c => c == ' ') >= 4)
                .ToArray();
        }

        var live = new List<LiveEvent>(LiveEvents);
        var nextEvent = 0;
        var recent = new (int Index, int Event, string Title, string Text)[RecentRing];
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var index = 0; index < count; index++)
        {
            var published = start.AddSeconds(index * 2.5);
            var roll = random.NextDouble();
            if (index > 10 && roll < ExactCopyRate + NearCopyRate)
            {
                var from = recent[random.Next(Math.Min(index, RecentRing))];
                var text = roll < ExactCopyRate ? from.Text.Replace(". ", ".  ", StringComparison.Ordinal) : NearCopy(from.Text, random);
                recent[index % RecentRing] = (index, from.Event, from.Title, text);
                yield return new SyntheticArticle(index, from.Title, text, published, from.Event, from.Index);
                continue;
            }

            while (live.Count < LiveEvents)
            {
                var gold = random.Next(events.Length);
                var reports = 1 + Math.Min(7, (int)(-Math.Log(1 - random.NextDouble()) * 2.5));
                live.Add(new LiveEvent(nextEvent++, pools[gold], reports));
            }

            var slot = random.Next(live.Count);
            var ev = live[slot];
            var (title, body) = Report(ev, random);
            ev.Remaining--;
            if (ev.Remaining == 0)
            {
                live[slot] = live[^1];
                live.RemoveAt(live.Count - 1);
            }

            recent[index % RecentRing] = (index, ev.Id, title, body);
            yield return new SyntheticArticle(index, title, body, published, ev.Id, -1);
        }
    }

    private static (string Title, string Body) Report(LiveEvent ev, Random random)
    {
        var pool = ev.Pool;
        var title = Perturb(pool[random.Next(pool.Length)], ev.Id);
        if (title.Length > 120)
        {
            var cut = title.LastIndexOf(' ', 120);
            title = title[..(cut > 0 ? cut : 120)];
        }

        var body = new StringBuilder(2048);
        var sentences = 4 + random.Next(6);
        for (var k = 0; k < sentences; k++)
        {
            body.Append(Perturb(pool[random.Next(pool.Length)], ev.Id)).Append(' ');
        }

        return (title, body.ToString().TrimEnd());
    }

    /// <summary>Replaces names and numbers, consistently within one event.</summary>
    private static string Perturb(string sentence, int eventId)
    {
        var builder = new StringBuilder(sentence.Length + 16);
        var i = 0;
        while (i < sentence.Length)
        {
            var c = sentence[i];
            if (!char.IsLetterOrDigit(c))
            {
                builder.Append(c);
                i++;
                continue;
            }

            var end = i;
            while (end < sentence.Length && char.IsLetterOrDigit(sentence[end]))
            {
                end++;
            }

            var word = sentence.AsSpan(i, end - i);
            var hash = Fnv(word, (uint)eventId);
            if (char.IsDigit(word[0]))
            {
                foreach (var _ in word)
                {
                    builder.Append((char)('0' + (hash % 10)));
                    hash = (hash * 2654435761u) + 1;
                }
            }
            else if (char.IsUpper(word[0]) && i > 0 && word.Length > 2)
            {
                var parts = 2 + (int)(hash % 2);
                for (var p = 0; p < parts; p++)
                {
                    var syllable = Syllables[(hash >> (p * 5)) % (uint)Syllables.Length];
                    builder.Append(p == 0 ? char.ToUpperInvariant(syllable[0]) + syllable[1..] : syllable);
                }
            }
            else if (word.Length >= 4 && (hash & 1) == 0)
            {
                var parts = 2 + (int)((hash >> 1) % 2);
                for (var p = 0; p < parts; p++)
                {
                    builder.Append(Syllables[(hash >> (2 + (p * 5))) % (uint)Syllables.Length]);
                }
            }
            else
            {
                builder.Append(word);
            }

            i = end;
        }

        return builder.ToString();
    }

    /// <summary>FNV-1a, seeded: deterministic across processes (string.GetHashCode is not), so the stream is reproducible.</summary>
    private static uint Fnv(ReadOnlySpan<char> word, uint seed)
    {
        var hash = 2166136261u ^ (seed * 16777619u);
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash ^ (hash >> 15);
    }

    private static string NearCopy(string text, Random random)
    {
        var sentences = text.Split(". ", StringSplitOptions.RemoveEmptyEntries);
        if (sentences.Length > 2)
        {
            var drop = random.Next(sentences.Length);
            sentences = [.. sentences[..drop], .. sentences[(drop + 1)..]];
        }

        var joined = string.Join(". ", sentences);
        var space = joined.IndexOf(' ', joined.Length / 2);
        return space > 0 ? joined[..space] + " also" + joined[space..] : joined;
    }

    private sealed class LiveEvent(int id, string[] pool, int reports)
    {
        public int Id { get; } = id;

        /// <summary>The sentences of the gold event's documents (shared, not copied).</summary>
        public string[] Pool { get; } = pool;

        public int Remaining { get; set; } = reports;
    }
}
