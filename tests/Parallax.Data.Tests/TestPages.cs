namespace Parallax.Data.Tests;

/// <summary>Generated pages for the import and worker tests.</summary>
internal static class TestPages
{
    /// <summary>
    /// Fictional text pages: distinct reports of many small events, and every tenth page a republication of an earlier
    /// page by another outlet (same body, its own credit line, so its bytes differ).
    /// </summary>
    public static void Write(string pages, int count)
    {
        Directory.CreateDirectory(pages);
        var random = new Random(11);
        string[] towns = ["Harbourton", "Kestrel", "Wendmouth", "Millbridge", "Fenwick", "Valemont", "Sorrel", "Northgate", "Quayside", "Brightwater"];
        string[] things = ["library", "ferry", "market", "school", "hospital", "bridge", "museum", "harbour", "railway", "stadium"];
        string[] verbs = ["reopened", "closed", "was sold", "was flooded", "was renamed", "won an award", "was rebuilt", "lost its funding"];
        string[] outlets = ["Harbourton Record", "Kestrel Gazette", "Coastline Courier", "Valemont Daily", "Northgate Wire"];
        var bodies = new List<(string Title, string Body)>();
        for (var i = 0; i < count; i++)
        {
            string text;
            if (i % 10 == 9)
            {
                var (title, body) = bodies[random.Next(bodies.Count)];
                text = $"{title}\nRepublished by {outlets[random.Next(outlets.Length)]} from the original report.\n{body}";
            }
            else
            {
                var town = towns[random.Next(towns.Length)];
                var thing = things[random.Next(things.Length)];
                var verb = verbs[random.Next(verbs.Length)];
                var number = random.Next(100, 9999);
                var title = $"The {town} {thing} {verb} after a vote of {number} residents";
                var body = string.Join("\n", [
                    $"The {thing} of {town} {verb} on day {i} of the year, the town council said in a statement read out by its clerk number {number}.",
                    $"Residents of the {town} district {i} queued outside the {thing} from early morning, and {random.Next(10, 500)} of them signed a petition.",
                    $"Councillor {(char)('A' + random.Next(26))}. {towns[random.Next(towns.Length)]}son said the decision would cost {random.Next(2, 90)} thousand crowns over {random.Next(2, 9)} years.",
                    $"A spokesperson for the {thing} trust, founded in {random.Next(1850, 2000)}, promised a public meeting on item {i * 7 + 3} of next month's agenda.",
                    $"Local traders in {town} expect {random.Next(5, 60)} percent more visitors, according to survey {number + i} run by the chamber of commerce.",
                ]);
                bodies.Add((title, body));
                text = $"{title}\nBy {outlets[random.Next(outlets.Length)]} staff\n{body}";
            }

            File.WriteAllText(Path.Combine(pages, $"page-{i:D4}.txt"), text + "\n");
        }
    }
}
