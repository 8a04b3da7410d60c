namespace ComplianceGrains.WebApi.Auth;

/// <summary>The token of the <c>Authorization: Token &lt;key&gt;</c> header.</summary>
public static class CallerToken
{
    public static string? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Token ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[prefix.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
