using System.Diagnostics;
using Parallax.Core.Identity;
using static Parallax.Core.Tests.Identity.CopyFixtures;

namespace Parallax.Core.Tests.Identity;

public sealed class BadInputTests
{
    [Fact]
    public void Empty_and_one_word_articles_are_never_copies_of_everything()
    {
        var index = new CopyIndex();
        index.Add(new CopyCandidate("long", "Flood", Flood, null, null));
        Assert.Empty(index.Add(new CopyCandidate("empty", "", "", null, null)));
        Assert.Empty(index.Add(new CopyCandidate("empty2", "", "  \n ", null, null)));
        Assert.Empty(index.Add(new CopyCandidate("word", "Flood", "Marrowby", null, null)));
        Assert.Empty(index.Add(new CopyCandidate("video", "Storm over the bay", "Video", null, null)));

        // Another video page with another title is not a copy; the same title and body is.
        Assert.Empty(index.Add(new CopyCandidate("video2", "Budget vote", "Video", null, null)));
        var same = Assert.Single(index.Add(new CopyCandidate("video3", "Storm over the bay", "Video", null, null)));
        Assert.Equal(new CopyLink("video3", "video", CopyKind.Duplicate, 1, null), same);
        Assert.Null(index.LinkOf("empty2"));
        Assert.Null(index.LinkOf("long"));
    }

    [Fact]
    public void Five_thousand_identical_copies_all_link_to_the_first_in_linear_time()
    {
        var index = new CopyIndex();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5000; i++)
        {
            index.Add(new CopyCandidate($"c{i}", "", Flood, null, null));
        }

        clock.Stop();
        Assert.Null(index.LinkOf("c0"));
        for (var i = 1; i < 5000; i++)
        {
            Assert.Equal("c0", index.LinkOf($"c{i}")!.OriginalId);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Five_thousand_near_identical_copies_stay_linear_because_buckets_are_capped()
    {
        var index = new CopyIndex();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5000; i++)
        {
            // Each differs (a unique closing sentence), so all go through the sketches and buckets, not the exact hash.
            index.Add(new CopyCandidate($"c{i}", "", Flood + $"\n\nUpdate number {i} was issued at {i % 24} hours.", null, null));
        }

        clock.Stop();
        var linked = 0;
        for (var i = 1; i < 5000; i++)
        {
            if (index.LinkOf($"c{i}")?.OriginalId == "c0")
            {
                linked++;
            }
        }

        Assert.Equal(4999, linked);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Thousands_of_distinct_articles_make_no_false_links()
    {
        var index = new CopyIndex();
        var random = new Random(11);
        var stop = new[] { "the", "of", "and", "to", "in", "a", "was", "for", "on", "that", "with", "by", "at", "from", "is" };
        var vocabulary = Enumerable.Range(0, 3000).Select(i => Word(random)).ToArray();
        var links = 0;
        for (var i = 0; i < 3000; i++)
        {
            var words = new List<string>();
            for (var k = 0; k < 200; k++)
            {
                words.Add(k % 3 == 1 ? stop[random.Next(stop.Length)] : vocabulary[random.Next(vocabulary.Length)]);
            }

            links += index.Add(new CopyCandidate($"d{i}", "", string.Join(' ', words), null, null)).Count;
        }

        Assert.Equal(0, links);
    }

    [Fact]
    public void An_enormous_article_is_capped_and_still_matches_its_copy()
    {
        var random = new Random(5);
        var builder = new System.Text.StringBuilder();
        for (var k = 0; k < 400_000; k++)
        {
            builder.Append(Word(random)).Append(k % 15 == 14 ? ".\n" : " ");
        }

        var huge = builder.ToString();
        var index = new CopyIndex();
        var clock = Stopwatch.StartNew();
        index.Add(new CopyCandidate("huge", "", huge, null, null));
        index.Add(new CopyCandidate("huge-copy", "", huge + " One more line.", null, null));
        clock.Stop();
        Assert.Equal("huge", index.LinkOf("huge-copy")?.OriginalId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Chinese_text_without_spaces_is_shingled_by_characters()
    {
        const string flood =
            "周二，马罗比镇遭遇强降雨，河水在六小时内上涨了将近两米，当局紧急疏散了河边的二百四十户居民。" +
            "镇长表示没有人受伤，但老桥的修复需要几个月的时间。救援人员乘小船连夜搜索被淹的房屋，体育馆被临时用作避难所。" +
            "气象部门预计周四还会有降雨，水务局提醒居民将车辆移到高处，并远离河岸，直到警报解除。";
        const string budget =
            "奥斯特维尔市议会周一通过了明年的预算，辩论一直持续到午夜之后。学校支出将增加百分之四，而道路维修资金连续第二年减少。" +
            "反对该计划的议员表示，忽视街道维护会给未来埋下隐患。财政委员会回应说，削减只是暂时的，新的公交车站将在三年内节省开支。";
        var index = new CopyIndex();
        index.Add(new CopyCandidate("flood", "", flood, null, null));
        index.Add(new CopyCandidate("budget", "", budget, null, null));
        index.Add(new CopyCandidate("flood-edited", "", flood.Replace("几个月", "半年", StringComparison.Ordinal), null, null));

        Assert.Null(index.LinkOf("budget"));
        Assert.Equal("flood", index.LinkOf("flood-edited")?.OriginalId);
        Assert.Equal(CopyKind.NearDuplicate, index.LinkOf("flood-edited")?.Kind);
        Assert.True(CopyIndex.Compare(new CopyCandidate("a", "", flood, null, null), new CopyCandidate("b", "", budget, null, null)).Words < 0.1);
    }

    [Fact]
    public void Articles_in_other_languages_with_spaces_still_match_by_words()
    {
        const string german =
            "Starker Regen hat am Dienstag die unteren Straßen von Marrowby überflutet und die Evakuierung von 240 Häusern am Fluss Tessel erzwungen. " +
            "Der Stadtrat sagte, das Wasser sei in sechs Stunden um fast zwei Meter gestiegen, so schnell wie nie seit Beginn der Aufzeichnungen. " +
            "Rettungsteams durchsuchten die Häuser in kleinen Booten die ganze Nacht, und die Sporthalle wurde als Notunterkunft geöffnet.";
        var index = new CopyIndex();
        index.Add(new CopyCandidate("de", "", german, null, null));
        index.Add(new CopyCandidate("de-copy", "", german.Replace("Dienstag", "Mittwoch", StringComparison.Ordinal), null, null));
        index.Add(new CopyCandidate("en", "", Flood, null, null));
        Assert.Equal("de", index.LinkOf("de-copy")?.OriginalId);
        Assert.Null(index.LinkOf("en"));
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new CopyIndex(new CopyIndexOptions { Bands = 30, RowsPerBand = 3 }));
        Assert.Throws<ArgumentException>(() => new CopyIndex(new CopyIndexOptions { AnchorSampling = 6 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CopyIndex(new CopyIndexOptions { SketchSize = 60, Bands = 10 }));
    }

    private static string Word(Random random)
    {
        var letters = new char[random.Next(3, 9)];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + random.Next(26));
        }

        return new string(letters);
    }
}
