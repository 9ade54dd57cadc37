namespace Parallax.Ingest.Fetch;

/// <summary>
/// One host's robots.txt, read as RFC 9309 says: the group for the most specific matching user-agent token (or "*"),
/// the longest matching Allow or Disallow rule wins (Allow on a tie), "*" matches any run of characters and "$" ends
/// a pattern. Unknown lines are ignored; a robots.txt that cannot be read allows everything.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow)> rules;

    private RobotsRules(List<(string, bool)> rules) => this.rules = rules;

    public static RobotsRules AllowAll { get; } = new([]);

    public static RobotsRules DisallowAll { get; } = new([("/", false)]);

    /// <param name="text">The robots.txt text.</param>
    /// <param name="productToken">The crawler's name as robots.txt groups name it ("parallax").</param>
    public static RobotsRules Parse(string text, string productToken)
    {
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules)>();
        List<string>? agents = null;
        List<(string, bool)>? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!lastWasAgent)
                {
                    agents = [];
                    current = [];
                    groups.Add((agents, current));
                }

                agents!.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is not null && key is "allow" or "disallow" && value.Length > 0)
            {
                current.Add((value, key == "allow"));
            }
        }

        var token = productToken.ToLowerInvariant();
        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && token.StartsWith(a, StringComparison.Ordinal))).ToList();
        if (mine.Count == 0)
        {
            mine = [.. groups.Where(g => g.Agents.Contains("*"))];
        }

        return new RobotsRules([.. mine.SelectMany(g => g.Rules)]);
    }

    /// <summary>Whether the path (with its query) may be fetched.</summary>
    public bool Allows(string pathAndQuery)
    {
        var best = -1;
        var allow = true;
        foreach (var (pattern, isAllow) in rules)
        {
            if (Matches(pattern, pathAndQuery) && (pattern.Length > best || (pattern.Length == best && isAllow)))
            {
                best = pattern.Length;
                allow = isAllow;
            }
        }

        return allow;
    }

    /// <summary>Wildcard match with "*" and a final "$"; iterative, so a pattern of many stars costs pattern × path at worst.</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern[..^1] : pattern;
        var pi = 0;
        var si = 0;
        var star = -1;
        var mark = 0;
        while (si < path.Length)
        {
            if (pi < p.Length && p[pi] == '*')
            {
                star = pi++;
                mark = si;
            }
            else if (pi < p.Length && p[pi] == path[si])
            {
                pi++;
                si++;
            }
            else if (pi == p.Length && !anchored)
            {
                return true;
            }
            else if (star >= 0)
            {
                pi = star + 1;
                si = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        return pi == p.Length;
    }
}
