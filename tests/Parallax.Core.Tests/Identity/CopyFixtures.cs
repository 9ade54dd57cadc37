namespace Parallax.Core.Tests.Identity;

/// <summary>Fictional news texts for the copy tests: invented towns, outlets and people.</summary>
internal static class CopyFixtures
{
    public const string Flood =
        "Heavy rain flooded the lower streets of Marrowby on Tuesday, forcing the evacuation of 240 homes near the Tessel river.\n\n" +
        "The town council said the water rose by almost two metres in six hours, the fastest rise since records began in 1921. " +
        "Rescue teams in small boats searched the flooded houses through the night, and the council opened the sports hall on " +
        "Quarry Lane as a shelter for the families who could not stay with relatives.\n\n" +
        "Mayor Elena Vostrikova told reporters that nobody had been hurt, but that the damage to the old bridge would take months " +
        "to repair. \"We were lucky this time, and we will not rely on luck again,\" she said, promising a new flood wall before " +
        "next winter.\n\n" +
        "Forecasters expect more rain on Thursday, and the regional water board has asked residents of the valley to move their " +
        "cars to higher ground and to keep away from the river banks until the warning is lifted.";

    /// <summary>A different report of the same flood, written independently: same facts, different words.</summary>
    public const string FloodOtherReport =
        "Hundreds of residents of Marrowby spent Tuesday night away from home after the Tessel burst its banks.\n\n" +
        "Officials counted 240 evacuated houses. Volunteers with boats helped firefighters reach people trapped upstairs, " +
        "while others brought blankets and hot soup to the shelter set up in the town's sports hall.\n\n" +
        "\"I have lived here for forty years and I have never seen the water come up so quickly,\" said Tomas Reyl, a baker whose " +
        "shop on Mill Street was flooded to the counter. Engineers will inspect the old bridge once the level drops.\n\n" +
        "Mayor Vostrikova has promised a flood wall, but several residents said the town had heard such promises before.";

    /// <summary>An unrelated article, used as the rest of a larger page.</summary>
    public const string Budget =
        "The council of Ostvale approved its budget for next year on Monday after a debate that lasted well past midnight.\n\n" +
        "Spending on schools will rise by four percent, while the road repair fund will shrink for the second year running. " +
        "Councillor Ayo Brandt, who voted against the plan, said the town was storing up problems for the future by neglecting " +
        "its streets. The finance committee replied that the cuts were temporary and that a new bus depot would save money " +
        "within three years.\n\n" +
        "The budget also sets aside money for a new library wing, a project first proposed a decade ago. Building work is " +
        "expected to begin in the spring, and the library will stay open while it goes on.\n\n" +
        "Residents can read the full budget at the town hall or on the council's website until the end of the month.";

    /// <summary>A hand-written spun copy of <see cref="Flood"/>: synonyms swapped blind to context, names included.</summary>
    public const string FloodSpun =
        "Weighty precipitation flooded the lower avenues of Marrowby on Tuesday, compelling the emptying of 240 dwellings near the Tessel stream.\n\n" +
        "The township assembly stated the water climbed by nearly two metres in six hours, the quickest ascent since archives commenced in 1921. " +
        "Deliverance squads in little vessels hunted the flooded homes through the evening, and the assembly unsealed the athletics hall on " +
        "Quarry Path as a refuge for the households who could not remain with kin.\n\n" +
        "Mayor Elena Vostrikova informed journalists that nobody had been injured, but that the harm to the aged bridge would require months " +
        "to mend. \"We were fortunate this period, and we will not depend on fortune again,\" she stated, pledging a fresh deluge barrier before " +
        "following winter.\n\n" +
        "Predictors anticipate additional rainfall on Thursday, and the local water committee has requested inhabitants of the vale to shift their " +
        "automobiles to elevated terrain and to stay away from the stream banks until the alert is raised.";

    /// <summary>The aggregator case: the top article, and the listing item that has one more opening sentence.</summary>
    public const string ListingOpening =
        "The Marrowby council has declared a local emergency after the worst flooding in a century, officials said on Tuesday evening.";
}
