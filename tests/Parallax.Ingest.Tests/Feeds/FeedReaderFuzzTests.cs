using Parallax.Ingest.Feeds;

namespace Parallax.Ingest.Tests.Feeds;

/// <summary>Mutated fixtures (flipped, dropped, inserted and cut bytes) always give a feed or a reason, never an exception.</summary>
public sealed class FeedReaderFuzzTests
{
    private static readonly string[] Fixtures =
        ["rss2-messy.xml", "rdf.xml", "atom.xml", "atom03.xml", "jsonfeed.json", "jsonfeed10.json", "windows-1252.xml", "utf16-bom.xml", "html-entities.xml", "subscriptions.opml"];

    private static readonly byte[] Interesting = "<>&;\"'[]{}:,\\/!?#%\0\xFF\xFE\xEF\xBB\xBF"u8.ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_feeds_never_throw(int seed)
    {
        var random = new Random(seed);
        var reader = new FeedReader();
        foreach (var name in Fixtures)
        {
            var original = Fixture.Bytes(name);
            for (var round = 0; round < 300; round++)
            {
                var bytes = Mutate(original, random);
                var result = reader.Parse(bytes, random.Next(4) == 0 ? "iso-8859-1" : null, random.Next(2) == 0 ? "https://fuzz.example/feeds/x.xml" : null);
                Assert.True((result.Feed is null) != (result.Error is null), $"{name} round {round}: a feed and an error, or neither");
                if (result.Feed is { } feed)
                {
                    Assert.All(feed.Entries, e => Assert.False(string.IsNullOrEmpty(e.Id)));
                    Assert.All(feed.Entries, e => Assert.True(e.Link is null || IsAbsoluteWebLink(e.Link), e.Link));
                }

                _ = Opml.Parse(bytes);
            }
        }
    }

    private static bool IsAbsoluteWebLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 && System.Text.Ascii.IsValid(uri.Host);

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = random.Next(1, 8);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    var length = Math.Min(random.Next(1, 64), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
