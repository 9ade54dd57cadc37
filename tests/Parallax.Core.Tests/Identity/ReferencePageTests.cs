using Parallax.Core.Identity;

namespace Parallax.Core.Tests.Identity;

/// <summary>
/// The copy half of the reference page (GUIDE.md section 5), read from ../shared/reference: the top article and the
/// first listing item are one article (the item has one more opening sentence and is the original); the other two
/// items share a background sentence and are no copies of anything.
/// </summary>
public sealed class ReferencePageTests
{
    [SharedDataFact("reference/daily8-rt-prisoner-swap.txt")]
    public void The_fuller_listing_item_is_the_original_and_the_other_items_are_no_copies()
    {
        var path = ReferencePath();
        if (path is null)
        {
            return; // The shared reference folder is absent on this machine: nothing to check.
        }

        var lines = File.ReadAllLines(path);
        var title = lines[1];
        var end = Array.FindIndex(lines, l => l.Trim() == "DETAILS TO FOLLOW");
        var top = string.Join("\n\n", lines[2..(end + 1)]);

        // Listing items: a source line, a relative time, the source again, a title, then the whole body on one line.
        var items = new List<(string Source, string Title, string Body)>();
        for (var i = end; i + 4 < lines.Length; i++)
        {
            if (lines[i + 2].StartsWith("- ", StringComparison.Ordinal) && lines[i + 1].EndsWith(" ago", StringComparison.Ordinal))
            {
                items.Add((lines[i].Trim(), lines[i + 3], lines[i + 4]));
            }
        }

        Assert.Equal(3, items.Count);
        var index = new CopyIndex();
        index.Add(new CopyCandidate("top", title, top, null, null));
        for (var k = 0; k < items.Count; k++)
        {
            index.Add(new CopyCandidate($"item{k + 1}", items[k].Title, items[k].Body, items[k].Source, null));
        }

        var link = index.LinkOf("top");
        Assert.NotNull(link);
        Assert.Equal("item1", link.OriginalId);
        Assert.Equal(items[0].Source, link.OriginalPublisher);
        Assert.Null(index.LinkOf("item1"));
        Assert.Null(index.LinkOf("item2"));
        Assert.Null(index.LinkOf("item3"));
    }

    private static string? ReferencePath() => TestRepository.SharedFile(TestRepository.ReferencePage);
}
