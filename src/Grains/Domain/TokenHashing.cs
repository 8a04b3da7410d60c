using System.Security.Cryptography;
using System.Text;

namespace ComplianceGrains.Domain;

/// <summary>API tokens: random, and stored only as their SHA-256.</summary>
public static class TokenHashing
{
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
