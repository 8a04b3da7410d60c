namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>The <c>Api</c> configuration section: request body limits.</summary>
public sealed class ApiLimits
{
    public const string Section = "Api";

    /// <summary>The limit of every request body (413 above it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The limit of submit_answers/ bodies, which may carry files.</summary>
    public long MaxAnswerBodyBytes { get; set; } = 25 * 1024 * 1024;
}
