using ComplianceGrains.Bench;

if (BenchOptions.TryParse(args, out var options, out var error) is false)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

return await BenchRunner.RunAsync(options!);
