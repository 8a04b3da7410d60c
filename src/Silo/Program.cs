using ComplianceGrains.Silo;
using Microsoft.Extensions.Hosting;

if (args is [MigrateCommand.Name, .. var rest])
    return await MigrateCommand.RunAsync(rest);

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.ConfigureComplianceSilo(builder.Configuration));
await builder.Build().RunAsync();
return 0;
