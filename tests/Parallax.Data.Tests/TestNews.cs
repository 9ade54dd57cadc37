using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;
using Parallax.Data.Ingest;
using Parallax.Embeddings;

namespace Parallax.Data.Tests;

/// <summary>Fictional news from fictional outlets, as extracted articles, for the store tests.</summary>
internal static class TestNews
{
    /// <summary>One pipeline for every test (immutable and thread-safe; building it loads the spin data once).</summary>
    public static ParallaxPipeline Pipeline { get; } = ParallaxPipeline.CreateDefault();

    /// <summary>
    /// The pipeline of the `parallax` processes (import, worker): with the embedding model, loaded on first use. A replay
    /// that checks their decisions must use it, since reports the words leave in doubt, and every short report, are
    /// decided with the model.
    /// </summary>
    public static ParallaxPipeline PipelineWithModel { get; } = new ParallaxPipelineBuilder().UseEmbedder(new ArcticEmbedder()).Build();

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static readonly string[] FloodReport =
    [
        "The river Avel burst its banks in Harbourton on Tuesday night, forcing about 300 residents from their homes in the low-lying Quayside district.",
        "Emergency crews from the Harbourton fire service used boats to reach families trapped on upper floors, the council said on Wednesday morning.",
        "The water crested at 4.3 metres shortly after midnight, the highest level recorded at the Millbridge gauge since the great flood of 1987.",
        "Mayor Ilse Varga opened three shelters in schools on the hill and asked residents of Quayside to stay away until engineers inspect the old flood wall.",
        "Forecasters at the regional weather office expect more rain over the Avel valley on Thursday, with a second crest possible by the weekend.",
    ];

    public static readonly string[] FloodFuller =
    [
        .. FloodReport,
        "Insurers said claims from the Quayside district could pass twelve million crowns, and the council promised an inquiry into the state of the flood wall.",
        "Residents who lost power were told that the Harbourton grid company would restore the supply street by street once the water falls.",
    ];

    public static readonly string[] BridgeReport =
    [
        "The Kestrel county council voted on Monday to close the Sorrel Bridge to lorries after inspectors found cracks in two of its iron girders.",
        "The bridge, built in 1911, carries the main road between Kestrel and the port of Wendmouth and sees about nine thousand vehicles a day.",
        "Council leader Bram Oduya said the repair would cost at least four million crowns and take until the end of the summer to complete.",
        "Haulage firms warned that the detour through the Fenwick hills adds forty minutes to every trip and will raise the price of deliveries to the port.",
        "Cars and buses may still cross the bridge at a reduced speed of thirty kilometres an hour while engineers monitor the girders each week.",
    ];

    /// <summary>The bridge closure in another outlet's words, with another repair cost: a second report of one event.</summary>
    public static readonly string[] BridgeRetold =
    [
        "Lorries are banned from the Sorrel Bridge after the Kestrel county council voted on Monday to shut it to heavy traffic, once inspectors had found cracks in two iron girders.",
        "Council leader Bram Oduya said the repair would cost at least six million crowns and take until the autumn to finish.",
        "Haulage firms said the detour through the Fenwick hills adds forty minutes to each journey to the port of Wendmouth.",
        "Local shopkeepers on the Wendmouth road fear that fewer customers will stop while the bridge is closed to trucks.",
    ];

    public static readonly string[] ElectionReport =
    [
        "Tomas Marlow won the Kestrel mayoral election on Sunday with 54 percent of the vote, ending twelve years of rule by the Harbour Party in the city hall.",
        "Turnout reached 61 percent, the highest in two decades, as long queues formed outside polling stations in the northern suburbs of the city.",
        "Marlow, a former schoolteacher, promised to freeze public transport fares and to build two thousand affordable homes on the old railway yards.",
        "His rival, the incumbent mayor Petra Lund, conceded shortly after midnight and wished him luck in a short speech to supporters at the harbour.",
        "The new city council, in which Marlow's Civic List holds 23 of 45 seats, will meet for the first time on the first Monday of next month.",
    ];

    public static ExtractedArticle Article(string title, string source, string url, int hours, params string[] paragraphs) =>
        new(title, source, url, Start.AddHours(hours), null, "en", paragraphs);

    /// <summary>A submission of one extracted article, keyed by its URL.</summary>
    public static IngestSubmission Submission(ExtractedArticle article) =>
        new("test:" + article.Url, article.Url ?? article.Title, Articles: [article], Url: article.Url, Fetched: article.Published);

    /// <summary>
    /// Seven articles: three events reported by distinct outlets, a word-for-word republication of the flood report,
    /// and a fuller version of it that arrives later and becomes the group's original.
    /// </summary>
    public static IReadOnlyList<ExtractedArticle> Stream() =>
    [
        Article("Avel floods Harbourton, 300 leave their homes", "The Harbourton Record", "https://record.example/avel-floods", 0, FloodReport),
        Article("Sorrel Bridge closed to lorries after cracks found", "Kestrel Gazette", "https://gazette.example/sorrel-bridge", 1, BridgeReport),
        Article("Avel floods Harbourton, 300 leave their homes", "Coastline Courier", "https://courier.example/avel-floods-copy", 2, FloodReport),
        Article("Marlow wins Kestrel mayoral race", "Kestrel Gazette", "https://gazette.example/marlow-wins", 3, ElectionReport),
        Article("Avel floods Harbourton: insurers count the cost", "Valemont Daily", "https://valemont.example/avel-full", 4, FloodFuller),
        Article("Marlow elected mayor of Kestrel", "Coastline Courier", "https://courier.example/marlow-elected", 5, ElectionReport[..4]),
    ];
}
