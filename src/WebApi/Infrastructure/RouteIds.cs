using ComplianceGrains.Errors;

namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>UUIDs in paths: both forms accepted; a malformed one is 404 (API.md §0).</summary>
public static class RouteIds
{
    public static Guid Parse(string text) => ApiJson.TryParseUuid(text, out var id) ? id : throw new NotFoundException();
}
