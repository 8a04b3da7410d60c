using ComplianceGrains.Silo;

namespace ComplianceGrains.WebApi.Hosting;

/// <summary>How the front end reaches the grains; the mode comes from configuration (<c>Hosting:Mode</c>).</summary>
public static class OrleansHosting
{
    public const string ModeKey = "Hosting:Mode";
    public const string Embedded = "Embedded";

    public static WebApplicationBuilder AddComplianceOrleans(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration[ModeKey] ?? Embedded;
        if (!mode.Equals(Embedded, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Unknown hosting mode '{mode}'. Supported: {Embedded}.");
        builder.UseOrleans(silo => silo.ConfigureComplianceSilo(builder.Configuration));
        return builder;
    }
}
