using ComplianceGrains.Silo;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.ConfigureComplianceSilo(builder.Configuration));
await builder.Build().RunAsync();
