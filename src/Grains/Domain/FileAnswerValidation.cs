using System.Text.Json;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.Domain;

/// <summary>A file that arrived in an answer, decoded and checked, before it is stored.</summary>
public sealed record FileUpload(string Name, byte[] Content, string MimeType);

/// <summary>
/// File answers (BEHAVIOUR.md §1): <c>{"name": str, "content": base64}</c> for <c>file</c>, an array of those for
/// <c>multiple_files</c>. The MIME type is sniffed from the bytes, never taken from the name or the client.
/// </summary>
public static class FileAnswerValidation
{
    private const long Mebibyte = 1024 * 1024;

    /// <summary>The decoded files, or null when the answer is not valid for the question.</summary>
    public static IReadOnlyList<FileUpload>? Validate(QuestionView question, JsonElement value, Func<byte[], string> sniffMimeType)
    {
        var q = question.Definition;
        if (q.QuestionType == QuestionTypes.File)
            return Decode(q, value, sniffMimeType) is { } single ? [single] : null;
        if (value.ValueKind != JsonValueKind.Array) return null;
        var items = value.EnumerateArray().ToList();
        if (items.Count == 0 || (q.MaxFilesCount is { } max && items.Count > max)) return null;
        var files = new List<FileUpload>(items.Count);
        foreach (var item in items)
        {
            if (Decode(q, item, sniffMimeType) is not { } file) return null;
            files.Add(file);
        }
        return files;
    }

    /// <summary>The stored form of a file answer: what the answer keeps instead of the bytes.</summary>
    public static string StoredAnswerJson(QuestionView question, IReadOnlyList<(FileUpload File, string StoredFileId)> stored)
    {
        var objects = stored.Select(s => new Dictionary<string, object>
        {
            ["name"] = s.File.Name,
            ["size"] = s.File.Content.LongLength,
            ["mime_type"] = s.File.MimeType,
            ["stored_file_id"] = s.StoredFileId,
        }).ToList();
        return question.Definition.QuestionType == QuestionTypes.File
            ? JsonSerializer.Serialize(objects.Single())
            : JsonSerializer.Serialize(objects);
    }

    private static FileUpload? Decode(QuestionDefinition q, JsonElement item, Func<byte[], string> sniffMimeType)
    {
        if (item.ValueKind != JsonValueKind.Object) return null;
        if (!item.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String) return null;
        if (!item.TryGetProperty("content", out var contentElement) || contentElement.ValueKind != JsonValueKind.String) return null;
        var name = nameElement.GetString()!;
        var encoded = contentElement.GetString()!;
        if (name.Trim().Length == 0 || encoded.Length == 0) return null;
        // Strict base64: .NET's decoder skips whitespace, which a strict decoder refuses.
        if (encoded.Any(char.IsWhiteSpace)) return null;

        var buffer = new byte[encoded.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length) || length == 0) return null;
        var content = buffer[..length];
        if (q.MaxFileSizeMb is { } maxMb && content.LongLength > maxMb * Mebibyte) return null;
        if (q.AllowedFileTypes.Count > 0 && !q.AllowedFileTypes.Any(ext => name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
            return null;
        var mimeType = sniffMimeType(content);
        if (q.AllowedMimeTypes.Count > 0 && !q.AllowedMimeTypes.Any(allowed => MimeMatches(allowed, mimeType))) return null;
        return new FileUpload(name, content, mimeType);
    }

    /// <summary>Whether a stored answer refers to the stored file.</summary>
    public static bool References(string answerJson, string storedFileId)
    {
        using var document = JsonDocument.Parse(answerJson);
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        return items.Any(item => item.ValueKind == JsonValueKind.Object
            && item.TryGetProperty("stored_file_id", out var id)
            && id.ValueKind == JsonValueKind.String
            && id.GetString() == storedFileId);
    }

    public static bool MimeMatches(string allowed, string actual) =>
        allowed.EndsWith("/*", StringComparison.Ordinal)
            ? actual.StartsWith(allowed[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(allowed, actual, StringComparison.OrdinalIgnoreCase);
}
