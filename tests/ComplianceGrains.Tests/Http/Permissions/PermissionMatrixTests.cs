using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http.Permissions;

/// <summary>
/// Every endpoint of API.md §1–§2 for every kind of caller gives the documented status (QUALITY.md: "every endpoint ×
/// every role gives the documented status"). Each row is one test case named by caller, method, path and status.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PermissionMatrixTests(ApiFactory factory)
{
    public static TheoryData<string, string, string, int> Rows()
    {
        var rows = new TheoryData<string, string, string, int>();
        foreach (var endpoint in MatrixEndpoint.All)
            foreach (var caller in Enum.GetValues<CallerKind>())
                rows.Add(caller.ToString(), endpoint.Method, endpoint.Path, endpoint.Expected.For(caller));
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Caller_gets_the_documented_status(string caller, string method, string path, int expected)
    {
        var world = await MatrixWorld.GetAsync(factory);
        var (client, user) = world.Caller(Enum.Parse<CallerKind>(caller));
        var request = await MatrixEndpoint.Find(method, path).Prepare(world, user);

        var response = await client.SendAsync(new HttpMethod(method), request.Path, request.Body);

        Assert.True((int)response.Status == expected, $"{caller} {method} {request.Path}: expected {expected}, got {response}");
        if (expected >= 400) ExpectDocumentedErrorBody(response);
    }

    private static void ExpectDocumentedErrorBody(ApiResponse response)
    {
        response.ExpectJsonError();
        switch (response.Status)
        {
            case HttpStatusCode.Unauthorized:
                Assert.Equal("Authentication credentials were not provided.", response["detail"]);
                break;
            case HttpStatusCode.Forbidden:
                Assert.Equal("You do not have permission to perform this action.", response["detail"]);
                break;
            case HttpStatusCode.NotFound:
                Assert.Equal("Not found.", response["detail"]);
                break;
        }
    }
}
