using Parallax.App.Bench.Stories;
using Parallax.Core.Identity;
using Xunit.Abstractions;

namespace Parallax.App.Tests.Bench.Copies;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Distributions()
    {
        var docs = (await BenchData.ReadEcbPlusAsync("/work/shared/benchmarks", CancellationToken.None)).Where(d => d.Topic <= 22).ToList();
        var options = new CopyIndexOptions();
        var spinner = new Parallax.App.Bench.Spin.SyntheticSpinner(5);
        var spun = new Dictionary<double, List<(double S, double W)>> { [0.3] = [], [0.5] = [] };
        var others = new List<(double S, double W, string Name)>();
        for (var i = 0; i < docs.Count; i++)
        {
            var a = new CopyCandidate("a", "", docs[i].Text, null, null);
            foreach (var rate in spun.Keys)
            {
                var c = CopyIndex.Compare(a, new CopyCandidate("b", "", spinner.Spin(docs[i].Text, rate).Text, null, null), options);
                if (c.Skeleton >= 0) spun[rate].Add((c.Skeleton, c.Words));
            }

            for (var j = i + 1; j < docs.Count && docs[j].Topic == docs[i].Topic; j++)
            {
                var o = CopyIndex.Compare(a, new CopyCandidate("b", "", docs[j].Text, null, null), options);
                if (o.Skeleton >= 0) others.Add((o.Skeleton, o.Words, $"{docs[i].Id}/{docs[j].Id} same={docs[i].EventCluster == docs[j].EventCluster} AinB={o.AInB:F2} BinA={o.BInA:F2}"));
            }
        }

        foreach (var (rate, list) in spun)
        {
            var byS = list.Select(x => x.S).OrderBy(x => x).ToList();
            var byExcess = list.Select(x => x.S - x.W).OrderBy(x => x).ToList();
            var bySum = list.Select(x => x.S + x.W).OrderBy(x => x).ToList();
            output.WriteLine($"spun {rate}: n={list.Count} S p1={byS[list.Count / 100]:F2} p2={byS[list.Count / 50]:F2} p5={byS[list.Count / 20]:F2}; S-W p1={byExcess[list.Count / 100]:F2} p5={byExcess[list.Count / 20]:F2}; S+W p1={bySum[list.Count / 100]:F2} p2={bySum[list.Count / 50]:F2} p5={bySum[list.Count / 20]:F2}");
            foreach (var x in list.OrderBy(x => x.S).Take(8)) output.WriteLine($"   low S={x.S:F2} W={x.W:F2}");
        }

        foreach (var o in others.Where(o => o.W < 0.5).OrderByDescending(o => o.S).Take(30))
        {
            output.WriteLine($"other S={o.S:F2} W={o.W:F2} {o.Name}");
        }
    }

    [Fact]
    public async Task TopOthers()
    {
        var docs = (await BenchData.ReadEcbPlusAsync("/work/shared/benchmarks", CancellationToken.None)).ToList();
        var options = new CopyIndexOptions { SkeletonShingleSize = 3, SkeletonGapCap = 1 };
        var rows = new List<(double Sum, string Line)>();
        for (var i = 0; i < docs.Count; i++)
        {
            var a = new CopyCandidate("a", "", docs[i].Text, null, null);
            for (var j = i + 1; j < docs.Count && docs[j].Topic == docs[i].Topic; j++)
            {
                var o = CopyIndex.Compare(a, new CopyCandidate("b", "", docs[j].Text, null, null), options);
                rows.Add((Math.Max(0, o.Skeleton) + Math.Max(0, o.Words), $"{docs[i].Id} {docs[j].Id} same={docs[i].EventCluster == docs[j].EventCluster} S={o.Skeleton:F2} W={o.Words:F2} AinB={o.AInB:F2} BinA={o.BInA:F2} shared={o.SharedAnchors}"));
            }
        }

        foreach (var r in rows.Where(r => r.Line.Contains("same=False")).OrderByDescending(r => r.Sum).Take(25))
        {
            output.WriteLine(r.Line);
        }
    }

    [Fact]
    public async Task Variants()
    {
        var docs = (await BenchData.ReadEcbPlusAsync("/work/shared/benchmarks", CancellationToken.None))
            .Select(d => new Parallax.App.Bench.Copies.CopyBenchDocument(d.Id, d.EventCluster, d.Text)).ToList();
        foreach (var min in new[] { 8, 5, 4 })
        {
            var options = new CopyIndexOptions { MinSkeletonShingles = min };
            var r = Parallax.App.Bench.Copies.CopyBenchmark.Run(docs, rates: [0.3, 0.5], options: options);
            output.WriteLine($"min={min}: 30% {r.Spin[0].LinkedShare:F3} wrong {r.Spin[0].WrongLinks} origs {r.Spin[0].OriginalsLinked}; 50% {r.Spin[1].LinkedShare:F3} wrong {r.Spin[1].WrongLinks} origs {r.Spin[1].OriginalsLinked}; pairs {r.OriginalPairs.Count} cross {r.OriginalPairs.Count(p => !p.SameEvent)}");
        }
    }
}

public sealed class ScratchScale(ITestOutputHelper output)
{
    [Fact]
    public async Task Variants()
    {
        var docs = (await BenchData.ReadEcbPlusAsync("/work/shared/benchmarks", CancellationToken.None))
            .Select(d => new Parallax.App.Bench.Copies.CopyBenchDocument(d.Id, d.EventCluster, d.Text)).ToList();
        foreach (var (name, o) in new (string, CopyIndexOptions)[] {
            ("default", new CopyIndexOptions()),
            ("no passages", new CopyIndexOptions { IndexPassages = false }),
            ("no spin", new CopyIndexOptions { SpinRobust = false }),
            ("neither", new CopyIndexOptions { SpinRobust = false, IndexPassages = false }),
            ("default again", new CopyIndexOptions()) })
        {
            var f = Parallax.App.Bench.Copies.CopyBenchmark.RunScale(docs, 50_000, o);
            output.WriteLine($"{name}: {f.ArticlesPerSecond:F0}/s {f.BytesPerArticle:F0} B/article links {f.Links}");
        }
    }
}

public sealed class ScratchMisses(ITestOutputHelper output)
{
    [Fact]
    public async Task Misses()
    {
        var docs = (await BenchData.ReadEcbPlusAsync("/work/shared/benchmarks", CancellationToken.None)).ToList();
        var spinner = new Parallax.App.Bench.Spin.SyntheticSpinner(20_240_601 + 300);
        var index = new CopyIndex();
        foreach (var d in docs) index.Add(new CopyCandidate(d.Id, "", d.Text, null, null));
        var spun = docs.Select(d => spinner.Spin(d.Text, 0.3).Text).ToList();
        int decisionFail = 0, lshFail = 0, noSkeleton = 0;
        for (var i = 0; i < docs.Count; i++)
        {
            index.Add(new CopyCandidate(docs[i].Id + "#s", "", spun[i], null, null));
            var expected = index.LinkOf(docs[i].Id)?.OriginalId ?? docs[i].Id;
            if (index.LinkOf(docs[i].Id + "#s")?.OriginalId == expected) continue;
            var c = CopyIndex.Compare(new CopyCandidate("a", "", docs[i].Text, null, null), new CopyCandidate("b", "", spun[i], null, null));
            var words = docs[i].Text.Split(' ').Length;
            if (c.Skeleton < 0) noSkeleton++;
            else if (c.Skeleton >= 0.3 && c.Skeleton + c.Words >= 0.7) lshFail++;
            else decisionFail++;
            output.WriteLine($"{docs[i].Id} words={words} S={c.Skeleton:F2} W={c.Words:F2} link={index.LinkOf(docs[i].Id + "#s")}");
        }

        output.WriteLine($"noSkeleton={noSkeleton} lshFail={lshFail} decisionFail={decisionFail}");
    }
}

public sealed class ScratchHeadlines(ITestOutputHelper output)
{
    [Fact]
    public async Task Headlines()
    {
        var heads = await BenchData.ReadHeadlinesAsync("/work/shared/benchmarks", CancellationToken.None);
        var index = new CopyIndex();
        for (var i = 0; i < heads.Count; i++) index.Add(new CopyCandidate("h" + i, "", heads[i].Title, heads[i].Publisher, heads[i].Published));
        int same = 0, cross = 0;
        for (var i = 0; i < heads.Count; i++)
        {
            var l = index.LinkOf("h" + i);
            if (l is null) continue;
            var j = int.Parse(l.OriginalId[1..]);
            if (heads[i].Story == heads[j].Story) same++; else { cross++; output.WriteLine($"CROSS {l.Kind} {l.Similarity}: {heads[i].Title} || {heads[j].Title}"); }
        }

        output.WriteLine($"headlines {heads.Count}: links same story {same}, cross {cross}");
    }
}
