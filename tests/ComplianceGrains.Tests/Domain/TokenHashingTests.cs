using System.Text.RegularExpressions;
using ComplianceGrains.Domain;

namespace ComplianceGrains.Tests.Domain;

/// <summary>API tokens are random 40-hex strings, stored only as their lowercase hex SHA-256.</summary>
public sealed class TokenHashingTests
{
    [Fact]
    public void A_new_token_is_40_lowercase_hex_characters() =>
        Assert.Matches(new Regex("^[0-9a-f]{40}$"), TokenHashing.NewToken());

    [Fact]
    public void New_tokens_are_random()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => TokenHashing.NewToken()).ToList();
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Theory]
    // FIPS 180-2 test vectors (also checked with coreutils sha256sum).
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void The_hash_is_the_lowercase_hex_sha256_of_the_token(string token, string expected) =>
        Assert.Equal(expected, TokenHashing.Hash(token));

    [Fact]
    public void The_hash_is_stable_and_distinguishes_tokens()
    {
        var token = TokenHashing.NewToken();
        Assert.Equal(TokenHashing.Hash(token), TokenHashing.Hash(token));
        Assert.NotEqual(TokenHashing.Hash(token), TokenHashing.Hash(TokenHashing.NewToken()));
        Assert.Matches(new Regex("^[0-9a-f]{64}$"), TokenHashing.Hash(token));
    }
}
