using Parallax.Core.Spin;

namespace Parallax.Core.Tests.Spin;

public sealed class OutletNamesTests
{
    [Theory]
    [InlineData("The Wall Road Journal", "The Wall Street Journal")]
    [InlineData("the wall street journal", "the wall street journal")]
    [InlineData("Federal Agency of Investigation", "Federal Bureau of Investigation")]
    [InlineData("Centers for Illness Control and Prevention", "Centers for Disease Control and Prevention")]
    public void A_name_one_word_off_a_listed_one_is_restored(string mangled, string expected) =>
        Assert.Equal(expected, OutletNames.Shipped.Restore(mangled));

    [Theory]
    [InlineData("New York Observer")] // one word off both the Times and the Post: which one is not known
    [InlineData("World Wellbeing Organization")] // Health or Trade
    [InlineData("Daily Wire")] // two words: too little left to be sure
    [InlineData("Valley Farmers Gazette")]
    public void A_name_that_fits_no_listed_name_or_several_is_left_alone(string name) =>
        Assert.Null(OutletNames.Shipped.Restore(name));

    [Fact]
    public void Source_names_a_run_has_seen_are_known_too()
    {
        var names = OutletNames.Shipped.With(["Harbourton Evening Ledger", null, " "]);

        Assert.Equal("Harbourton Evening Ledger", names.Restore("Harbourton Night Ledger"));
        Assert.Equal(OutletNames.Shipped.Count + 1, names.Count);
    }
}
