using Parallax.App.Bench.Scale;
using Parallax.App.Bench.Stories;
using Parallax.Core.Identity;
using Xunit.Abstractions;

namespace Parallax.App.Tests.Bench.Copies;

public sealed class ScratchStream(ITestOutputHelper output)
{
    [Fact]
    public async Task FalseKinds()
    {
        var docs = await BenchData.ReadEcbPlusAsync("/work/shared/benchmarks", CancellationToken.None);
        var sources = docs.Select(d => (d.EventCluster, d.Text)).ToList();
        foreach (var (name, options) in new (string, CopyIndexOptions)[] { ("no ratio", new CopyIndexOptions { SpinMinLengthRatio = 0 }), ("ratio .8", new CopyIndexOptions()), ("ratio .8 excess 0", new CopyIndexOptions { SpinMinExcess = 0 }), ("ratio .85 excess 0", new CopyIndexOptions { SpinMinExcess = 0, SpinMinLengthRatio = 0.85 }) })
        {
            var index = new CopyIndex(options);
            var truth = new Dictionary<string, int>();
            var kinds = new Dictionary<string, int>();
            var samples = new List<string>();
            foreach (var a in new SyntheticStream(sources, 1).Generate(60_000))
            {
                var id = a.Index.ToString();
                truth[id] = a.CopyOf;
                foreach (var l in index.Add(new CopyCandidate(id, a.Title, a.Text, null, a.Published)))
                {
                    if (l.CopyId == id && a.CopyOf < 0)
                    {
                        var key = l.Kind.ToString();
                        kinds[key] = kinds.GetValueOrDefault(key) + 1;
                    }
                }
            }

            var ecb = docs.Select(d => new Parallax.App.Bench.Copies.CopyBenchDocument(d.Id, d.EventCluster, d.Text)).ToList();
            var r = Parallax.App.Bench.Copies.CopyBenchmark.Run(ecb, rates: [0.3, 0.5], options: options);
            output.WriteLine($"{name}: ECB 30% {r.Spin[0].LinkedShare:F3} 50% {r.Spin[1].LinkedShare:F3} pairs {r.OriginalPairs.Count} cross {r.OriginalPairs.Count(p => !p.SameEvent)}");
            output.WriteLine($"{name}: false by kind: {string.Join(", ", kinds.Select(k => $"{k.Key}={k.Value}"))}");
        }
    }
}
