using System.Globalization;
using Parallax.Core.Language;

namespace Parallax.Core.Tests.Language;

/// <summary>Numbers with their units, and dates resolved against the day of publication (Wednesday 6 March 2024).</summary>
public sealed class NumberDateFixtureTests
{
    private static readonly LanguageAnalyzer Analyzer = new();
    private static readonly DateTimeOffset Published = new(2024, 3, 6, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("The fund holds 3.5 million dollars.", "3.5 million dollars = 3500000 dollar Money")]
    [InlineData("Turnout fell 12% this time.", "12% = 12 % Percent")]
    [InlineData("Turnout fell 12 per cent this time.", "12 per cent = 12 % Percent")]
    [InlineData("Tickets cost $40 each.", "$40 = 40 dollar Money")]
    [InlineData("Tickets cost 40 dollars each.", "40 dollars = 40 dollar Money")]
    [InlineData("The pipeline runs 300 km north.", "300 km = 300 km Quantity")]
    [InlineData("Five people were hurt.", "Five people = 5 people Quantity")]
    [InlineData("It sent 1,200 soldiers.", "1,200 soldiers = 1200 soldiers Quantity")]
    [InlineData("The plan costs €3.5bn over ten years.", "€3.5bn = 3500000000 euro Money; ten years = 10 years Quantity")]
    [InlineData("She finished 3rd in the race.", "3rd = 3 - Ordinal")]
    [InlineData("It was the third attempt.", "third = 3 - Ordinal")]
    [InlineData("One of them left.", "")]
    [InlineData("Twenty-five homes were flooded.", "Twenty-five homes = 25 homes Quantity")]
    public void Numbers_carry_their_units(string text, string expected)
    {
        var analysis = Analyzer.Analyze(null, text);
        var found = analysis.Numbers.Select(n =>
            $"{text[n.Start..n.End]} = {n.Value.ToString(CultureInfo.InvariantCulture)} {n.Unit ?? "-"} {n.Kind}");
        Assert.Equal(expected, string.Join("; ", found));
    }

    [Theory]
    [InlineData("The vote was held on March 3, 2024.", "March 3, 2024 = 2024-03-03 Day Absolute")]
    [InlineData("The vote was held on 3 March 2024.", "3 March 2024 = 2024-03-03 Day Absolute")]
    [InlineData("The vote was held on 2024-03-03.", "2024-03-03 = 2024-03-03 Day Absolute")]
    [InlineData("The vote was held on 3 March.", "3 March = 2024-03-03 Day Partial")]
    [InlineData("The vote was held on Dec. 28.", "Dec. 28 = 2023-12-28 Day Partial")]
    [InlineData("The vote was held on Tuesday.", "Tuesday = 2024-03-05 Day Relative")]
    [InlineData("The vote was held yesterday.", "yesterday = 2024-03-05 Day Relative")]
    [InlineData("The vote was held last week.", "last week = 2024-02-26 Week Relative")]
    [InlineData("The vote was held two days ago.", "two days ago = 2024-03-04 Day Relative")]
    [InlineData("The vote will be held next Tuesday.", "next Tuesday = 2024-03-12 Day Relative")]
    [InlineData("The vote was held in March 2023.", "March 2023 = 2023-03-01 Month Absolute")]
    [InlineData("The bridge has been shut since 2019.", "2019 = 2019-01-01 Year Absolute")]
    [InlineData("The vote was held on Tuesday, March 5, 2024.", "Tuesday, March 5, 2024 = 2024-03-05 Day Absolute")]
    [InlineData("Le vote a eu lieu le 3 mars 2024.", "3 mars 2024 = 2024-03-03 Day Absolute")]
    [InlineData("She may 5 times have said so.", "")]
    [InlineData("Valemont Radio, 4 hours ago", "4 hours ago = 2024-03-06 Day Relative")]
    [InlineData("She told Russia Today the vote was fair.", "")]
    [InlineData("Yesterday the vote was held.", "Yesterday = 2024-03-05 Day Relative")]
    public void Dates_are_resolved_against_publication(string text, string expected)
    {
        var analysis = Analyzer.Analyze(null, text, Published);
        var found = analysis.Dates.Select(d => $"{text[d.Start..d.End]} = {d.Date:yyyy-MM-dd} {d.Precision} {d.Kind}");
        Assert.Equal(expected, string.Join("; ", found));
    }

    [Fact]
    public void Relative_dates_stay_unresolved_without_a_publication_date()
    {
        var date = Assert.Single(Analyzer.Analyze(null, "The vote was held yesterday.").Dates);
        Assert.Null(date.Date);
        Assert.Equal(DateKind.Relative, date.Kind);
    }

    [Fact]
    public void Days_and_years_of_dates_are_not_also_numbers()
    {
        Assert.Empty(Analyzer.Analyze(null, "The vote was held on March 3, 2024.").Numbers);
    }
}
