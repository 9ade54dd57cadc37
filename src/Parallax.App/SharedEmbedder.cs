using Parallax.Embeddings;

namespace Parallax.App;

/// <summary>
/// The one sentence-embedding model of the process. It loads its weights on the first passage, so a command that
/// never meets an ambiguous pair never pays for it; one instance keeps the ~370 MB of the model loaded once.
/// </summary>
internal static class SharedEmbedder
{
    private static readonly Lazy<ArcticEmbedder> Model = new(() => new ArcticEmbedder(threads: Math.Min(2, Environment.ProcessorCount)));

    public static ArcticEmbedder Instance => Model.Value;
}
