using ComplianceGrains.Silo;
using ComplianceGrains.Silo.Sqlite;
using Microsoft.Extensions.Hosting;

if (args is [MigrateCommand.Name, .. var rest])
    return await MigrateCommand.RunAsync(rest);
if (args is [ExportEmbeddedCommand.Name, .. var exportArgs])
    return await ExportEmbeddedCommand.RunAsync(exportArgs);

var builder = Host.CreateApplicationBuilder(StorageMode.ExpandSwitches(args));
try
{
    builder.UseOrleans(silo => silo.ConfigureComplianceSilo(builder.Configuration));
}
catch (DataDirectoryInUseException e)
{
    Console.Error.WriteLine(e.Message);
    return DataDirectoryInUseException.ExitCode;
}
await builder.Build().RunAsync();
return 0;
