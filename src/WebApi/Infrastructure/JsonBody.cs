using System.Buffers;
using System.Text.Json;
using ComplianceGrains.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>Reads a request body as JSON with the API's refusals: 415 for non-JSON, 413 for oversize, 400 for bad JSON.</summary>
public static class JsonBody
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>The configuration key of the body size limit (API.md §0), and its default, 1 MiB.</summary>
    public const string MaxBodyBytesKey = "Api:MaxRequestBodyBytes";

    public const long DefaultMaxBodyBytes = 1024 * 1024;

    private const int InitialBufferBytes = 64 * 1024;

    /// <summary>
    /// The body as a JSON value; an empty body reads as <c>{}</c>. The size limit is enforced here as well as by
    /// the server, so that it holds whichever server hosts the pipeline (Kestrel, a test server, a proxy module).
    /// </summary>
    public static async Task<JsonElement> ReadAsync(HttpContext context, long? maxBytes = null)
    {
        var request = context.Request;
        var limit = maxBytes ?? context.RequestServices.GetService<IConfiguration>()?.GetValue<long?>(MaxBodyBytesKey) ?? DefaultMaxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit;
        if (request.ContentLength == 0) return EmptyObject();
        if (request.ContentType is { } contentType && !IsJson(contentType))
            throw new HttpErrorException(StatusCodes.Status415UnsupportedMediaType, $"Unsupported media type \"{contentType}\" in request.");
        if (request.ContentLength > limit) throw TooLarge();

        // Sized for the usual small body up front; a declared length is not trusted with a larger allocation.
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, InitialBufferBytes));
        try
        {
            await CopyWithinLimitAsync(request.Body, buffer, limit, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
        if (buffer.Length == 0) return EmptyObject();
        if (request.ContentType is null)
            throw new HttpErrorException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type \"\" in request.");
        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), DocumentOptions);
            var body = document.RootElement.Clone();
            JsonTextCheck.ThrowIfInvalid(body);
            return body;
        }
        catch (JsonException e)
        {
            throw ValidationException.General($"JSON parse error - {e.Message}");
        }
    }

    /// <summary>The body as a JSON object, read field by field.</summary>
    public static async Task<FieldReader> ReadObjectAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        if (body.ValueKind != JsonValueKind.Object)
            throw ValidationException.NonField($"Invalid data. Expected a dictionary, but got {PythonTypeName(body)}.");
        return new FieldReader(body);
    }

    public static string PythonTypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "dict",
        JsonValueKind.Array => "list",
        JsonValueKind.String => "str",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "int" : "float",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "NoneType",
    };

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static HttpErrorException TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "Request body is too large.");

    private static async Task CopyWithinLimitAsync(Stream source, MemoryStream target, long limit, CancellationToken cancellationToken)
    {
        // Pooled: a fresh 80 KB chunk per request was a large share of the front end's allocations.
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (target.Length + read > limit) throw TooLarge();
                target.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
