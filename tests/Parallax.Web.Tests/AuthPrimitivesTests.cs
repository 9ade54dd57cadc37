using Parallax.App.Web.Auth;

namespace Parallax.Web.Tests;

public sealed class AuthPrimitivesTests
{
    [Fact]
    public void A_password_verifies_against_its_hash_and_no_other()
    {
        var hash = PasswordHashing.Hash("correct horse battery", iterations: 1_000);
        Assert.StartsWith("pbkdf2-sha256$1000$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse", hash, StringComparison.Ordinal);
        Assert.True(PasswordHashing.Verify("correct horse battery", hash));
        Assert.False(PasswordHashing.Verify("correct horse batterY", hash));
        Assert.False(PasswordHashing.Verify(string.Empty, hash));
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time()
    {
        Assert.NotEqual(PasswordHashing.Hash("same password", 1_000), PasswordHashing.Hash("same password", 1_000));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("pbkdf2-sha256$x$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64!$AAAA")]
    [InlineData("md5$1000$AAAA$AAAA")]
    public void A_malformed_stored_hash_never_verifies(string stored)
    {
        Assert.False(PasswordHashing.Verify("anything", stored));
    }

    [Fact]
    public void Generated_passwords_and_tokens_are_random_and_digests_are_stable()
    {
        Assert.NotEqual(PasswordHashing.Generate(), PasswordHashing.Generate());
        Assert.Equal(18, PasswordHashing.Generate().Length);
        var token = ApiTokens.Generate();
        Assert.StartsWith(ApiTokens.Prefix, token, StringComparison.Ordinal);
        Assert.NotEqual(token, ApiTokens.Generate());
        Assert.Equal(ApiTokens.Digest(token), ApiTokens.Digest(token));
        Assert.Equal(64, ApiTokens.Digest(token).Length);
        Assert.NotEqual(ApiTokens.Digest(token), ApiTokens.Digest(token + "x"));
    }
}
