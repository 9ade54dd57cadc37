namespace Parallax.Core.Identity;

/// <summary>
/// The growing state of copy detection, as a session drives it: articles go in one at a time, in arrival order.
/// <see cref="CopyIndex"/> keeps it in memory; a store can keep it on disk, so the same session runs in `analyze`,
/// in `serve` and across workers.
/// </summary>
public interface ICopyIndex
{
    /// <summary>
    /// Adds an article; returns the links it created or changed (the newcomer is a copy of an earlier article, or
    /// earlier articles turn out to be copies of the fuller newcomer).
    /// </summary>
    IReadOnlyList<CopyLink> Add(CopyCandidate candidate);

    /// <summary>The current link of an article, resolved to its root original; null when it is no copy or unknown.</summary>
    CopyLink? LinkOf(string id);

    /// <summary>An article's publisher as far as the index knows: its original's for a copy, else its credit or source.</summary>
    string? PublisherOf(string id);
}
