using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http.Permissions;

/// <summary>The concrete request of one matrix row: the resolved path and the body, if any.</summary>
public sealed record MatrixRequest(string Path, object? Body = null);

/// <summary>
/// One endpoint of the permission matrix: the method and path as API.md writes them (placeholders in braces), the
/// documented status per caller kind, and how to build the request (the caller's own user is passed, null when anonymous).
/// </summary>
public sealed record MatrixEndpoint(
    string Method, string Path, Expected Expected, Func<MatrixWorld, TestUser?, Task<MatrixRequest>> Prepare)
{
    public static MatrixEndpoint Of(string method, string path, Expected expected, Func<MatrixWorld, MatrixRequest> prepare) =>
        new(method, path, expected, (world, _) => Task.FromResult(prepare(world)));

    public static MatrixEndpoint Of(string method, string path, Expected expected, Func<MatrixWorld, Task<MatrixRequest>> prepare) =>
        new(method, path, expected, (world, _) => prepare(world));

    /// <summary>A row whose path has no placeholders and whose request has no body.</summary>
    public static MatrixEndpoint Of(string method, string path, Expected expected) =>
        Of(method, path, expected, _ => new MatrixRequest(path));

    public static IReadOnlyList<MatrixEndpoint> All { get; } =
        [.. IdentityMatrix.Endpoints, .. MarketplaceMatrix.Endpoints, .. ChecklistAdminMatrix.Endpoints];

    public static MatrixEndpoint Find(string method, string path) => All.Single(e => e.Method == method && e.Path == path);
}
