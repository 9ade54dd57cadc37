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
        foreach (var (k, gap) in new[] { (3, 1), (4, 1), (4, 2), (5, 1), (6, 1) })
        {
            var options = new CopyIndexOptions { SkeletonShingleSize = k, SkeletonGapCap = gap };
            var spinner = new Parallax.App.Bench.Spin.SyntheticSpinner(5);
            var spunS = new List<double>();
            var spunW = new List<double>();
            var spunS5 = new List<double>();
            var spunW5 = new List<double>();
            var otherS = new List<double>();
            var otherW = new List<double>();
            for (var i = 0; i < docs.Count; i++)
            {
                var a = new CopyCandidate("a", "", docs[i].Text, null, null);
                var c = CopyIndex.Compare(a, new CopyCandidate("b", "", spinner.Spin(docs[i].Text, 0.3).Text, null, null), options);
                spunS.Add(c.Skeleton); spunW.Add(c.Words);
                c = CopyIndex.Compare(a, new CopyCandidate("b", "", spinner.Spin(docs[i].Text, 0.5).Text, null, null), options);
                spunS5.Add(c.Skeleton); spunW5.Add(c.Words);
                for (var j = i + 1; j < docs.Count && docs[j].Topic == docs[i].Topic; j++)
                {
                    var o = CopyIndex.Compare(a, new CopyCandidate("b", "", docs[j].Text, null, null), options);
                    if (o.Words < 0.3 && o.AInB < 0.5 && o.BInA < 0.5)
                    {
                        otherS.Add(o.Skeleton); otherW.Add(o.Words);
                    }
                }
            }

            string Q(List<double> v) { var s = v.Where(x => x >= 0).OrderBy(x => x).ToList(); return s.Count == 0 ? "-" : $"n={s.Count} p1={s[(int)(s.Count * 0.01)]:F2} p5={s[(int)(s.Count * 0.05)]:F2} p50={s[s.Count / 2]:F2} p99={s[(int)(s.Count * 0.99)]:F2} p999={s[(int)(s.Count * 0.999)]:F2} max={s[^1]:F2}"; }
            output.WriteLine($"k={k} gap={gap}\n spun30 S {Q(spunS)}\n spun30 W {Q(spunW)}\n spun50 S {Q(spunS5)}\n spun50 W {Q(spunW5)}\n other S {Q(otherS)}\n other W {Q(otherW)}");
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
        var docs = (await BenchData.ReadEcbPlusAsync("/work/shared/benchmarks", CancellationToken.None)).Where(d => d.Topic <= 12)
            .Select(d => new Parallax.App.Bench.Copies.CopyBenchDocument(d.Id, d.EventCluster, d.Text)).ToList();
        foreach (var k in new[] { 3, 4, 5 })
        foreach (var gap in new[] { 1, 2, 4 })
        foreach (var rows in new[] { 3, 4 })
        {
            var options = new CopyIndexOptions { SkeletonShingleSize = k, SkeletonGapCap = gap, SkeletonRowsPerBand = rows, SpinThreshold = 0.3, NearDuplicateThreshold = 2, IndexPassages = false };
            var r = Parallax.App.Bench.Copies.CopyBenchmark.Run(docs, rates: [0.3, 0.5], options: options);
            output.WriteLine($"k={k} gap={gap} rows={rows}: 30% {r.Spin[0].LinkedShare:F3} wrong {r.Spin[0].WrongLinks} origs {r.Spin[0].OriginalsLinked}; 50% {r.Spin[1].LinkedShare:F3} wrong {r.Spin[1].WrongLinks} origs {r.Spin[1].OriginalsLinked}; pairs {r.OriginalPairs.Count} cross {r.OriginalPairs.Count(p => !p.SameEvent)}");
        }
    }

    [Fact]
    public async Task Scratch()
    {
        var docs = (await BenchData.ReadEcbPlusAsync("/work/shared/benchmarks", CancellationToken.None)).Where(d => d.Topic <= 8).ToList();
        var index = new CopyIndex();
        foreach (var d in docs)
        {
            index.Add(new CopyCandidate(d.Id, "", d.Text, null, null));
        }

        for (var i = 0; i < docs.Count; i++)
        {
            var doc = docs[i];
            var root = index.LinkOf(doc.Id)?.OriginalId ?? doc.Id;
            var spaced = doc.Text.Replace(" ", "  ").Replace("\n", "\n\n");
            var l1 = index.Add(new CopyCandidate(doc.Id + "#exact", "", spaced, null, null));
            var e = index.LinkOf(doc.Id + "#exact");
            if (e is null || e.Kind != CopyKind.Duplicate || e.OriginalId != root)
            {
                output.WriteLine($"EXACT {doc.Id} root={root} link={e}");
            }

            var opening = "The committee met on Tuesday in the old town hall to discuss the budget for next year and the new roads.";
            index.Trace = doc.Id == "2_11ecb" ? output.WriteLine : null;
            var l2 = index.Add(new CopyCandidate(doc.Id + "#fuller", "", opening + "\n" + doc.Text, null, null));
            var f = index.LinkOf(doc.Id);
            if (f?.OriginalId != doc.Id + "#fuller")
            {
                output.WriteLine($"FULLER {doc.Id} root={root} link={f} fullerlink={index.LinkOf(doc.Id + "#fuller")} changed={string.Join(";", l2)}");
            }
        }
    }
}
