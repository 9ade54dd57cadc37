namespace Parallax.Core.Stories;

/// <summary>
/// The growing state of story clustering, as a session drives it: distinct reports and copies go in one at a time,
/// in arrival order, and are numbered 0, 1, 2... <see cref="StoryClusterer"/> keeps it in memory; a store can keep it
/// on disk, so the same session runs in `analyze`, in `serve` and across workers.
/// </summary>
public interface IStoryIndex
{
    /// <summary>Adds a distinct report: it joins the best open story or starts one (and may merge or split stories).</summary>
    StoryPlacement Add(StoryDocument document);

    /// <summary>
    /// Adds the fuller version of an article already placed (it became that article's original): it joins that
    /// article's story with its own content, without a search.
    /// </summary>
    StoryPlacement AddInto(int article, StoryDocument document);

    /// <summary>Attaches a copy to its original's story, without changing the story's content.</summary>
    StoryPlacement AttachCopy(int originalArticle, DateTimeOffset? published = null);

    /// <summary>The story an article is in now.</summary>
    int StoryOf(int article);

    /// <summary>Stories on the same topic about another event, most similar first.</summary>
    IReadOnlyList<RelatedStory> Related(int story);
}
