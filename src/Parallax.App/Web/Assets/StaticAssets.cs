using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Parallax.App.Web.Assets;

/// <summary>
/// The stylesheet and script, embedded in the executable and served from memory at <c>/assets/NAME</c> with a
/// content hash as ETag, so the server needs no files beside it and browsers revalidate cheaply.
/// </summary>
public sealed class StaticAssets
{
    private const string ResourcePrefix = "Parallax.Web.Assets.";

    private readonly FrozenDictionary<string, Asset> assets;

    public StaticAssets()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var found = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.ToArray();
            var name = resource[ResourcePrefix.Length..];
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
            found[name] = new Asset(bytes, ContentTypeOf(name), $"\"{hash}\"", hash);
        }

        assets = found.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The address of an asset with its hash, so a new release is fetched at once: /assets/site.css?v=HASH.</summary>
    public string Url(string name) => assets.TryGetValue(name, out var asset) ? $"/assets/{name}?v={asset.Hash}" : $"/assets/{name}";

    public IResult Serve(string name, HttpContext context)
    {
        if (!assets.TryGetValue(name, out var asset))
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "public, max-age=86400";
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag, string Hash);
}
