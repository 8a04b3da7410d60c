namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>An HTTP-level refusal that is not a domain rule: a wrong content type, an oversized body, a bad page.</summary>
public sealed class HttpErrorException(int statusCode, string detail) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;

    public string Detail { get; } = detail;

    public static HttpErrorException InvalidPage() => new(StatusCodes.Status404NotFound, "Invalid page.");

    public static HttpErrorException InvalidCredentials() => new(StatusCodes.Status401Unauthorized, "Invalid username or password.");
}
