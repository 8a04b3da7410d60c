using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComplianceGrains.Tests.Support;

public static class JsonAssert
{
    /// <summary>Asserts that a response body is exactly the JSON of <paramref name="expected"/>.</summary>
    public static void Equal(object expected, ApiResponse actual)
    {
        var expectedNode = JsonSerializer.SerializeToNode(expected);
        Assert.True(JsonNode.DeepEquals(expectedNode, actual.Json), $"Expected {expectedNode!.ToJsonString()} but got {actual}");
    }
}
