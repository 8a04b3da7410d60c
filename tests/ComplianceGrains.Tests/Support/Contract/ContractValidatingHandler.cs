namespace ComplianceGrains.Tests.Support.Contract;

/// <summary>
/// Sits in the HTTP tests' client: every successful answer of the API is checked against the operation the service's
/// own OpenAPI document declares, so that a test fails the moment the wire and the document disagree.
/// </summary>
public sealed class ContractValidatingHandler(Func<Task<OpenApiContract>> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (!IsApi(path) || (int)response.StatusCode is < 200 or > 299) return response;

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problems = (await contract()).Check(
            request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        if (problems.Count > 0)
            throw new ContractViolationException(string.Join(Environment.NewLine, problems.Take(20)) + Environment.NewLine + body);
        return response;
    }

    private static bool IsApi(string path) =>
        (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/api-auth/", StringComparison.Ordinal))
        && !path.StartsWith("/api/schema", StringComparison.Ordinal)
        && !path.StartsWith("/api/docs", StringComparison.Ordinal);
}

public sealed class ContractViolationException(string message) : Exception(message);
