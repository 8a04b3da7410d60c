using ComplianceGrains.Errors;

namespace ComplianceGrains.Marketplace;

/// <summary>An object named in a request body: one the caller cannot see is a 400 on that field, not a 404.</summary>
internal static class ReferencedObject
{
    public static async Task<T> GetAsync<T>(string field, Guid id, Func<Task<T>> fetch)
    {
        try
        {
            return await fetch();
        }
        catch (NotFoundException)
        {
            throw ValidationException.Field(field, $"Object with uuid={id:N} does not exist.");
        }
    }
}
