using System.Text.Json;

namespace ComplianceGrains.Bench.Http;

/// <summary>Reading the fields the bench needs out of API responses.</summary>
public static class JsonFields
{
    public static string Uuid(this JsonElement element) => element.GetProperty("uuid").GetString()!;

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";

    public static long Number(this JsonElement element, string name) => element.GetProperty(name).GetInt64();

    public static bool Flag(this JsonElement element, string name) => element.GetProperty(name).GetBoolean();
}
