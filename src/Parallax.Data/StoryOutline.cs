namespace Parallax.Data;

/// <summary>A source of a story and when its first article there was published (else arrived).</summary>
public sealed record OutlineSource(long SourceId, string Name, DateTimeOffset FirstAt);

/// <summary>What a story list shows under a title: the story's sources, first reporter first, and its lead's opening.</summary>
/// <param name="Sources">Distinct sources, in the order they first reported.</param>
/// <param name="LeadArticleId">The earliest distinct report (by publication time, else arrival), or null.</param>
/// <param name="LeadOpening">Its first characters (at most 400), plain text.</param>
public sealed record StoryOutline(long StoryId, IReadOnlyList<OutlineSource> Sources, long? LeadArticleId, string? LeadOpening);
