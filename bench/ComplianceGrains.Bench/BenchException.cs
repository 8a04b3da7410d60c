namespace ComplianceGrains.Bench;

/// <summary>A benchmark that cannot go on: an unexpected response, a server that does not start, a timeout.</summary>
public sealed class BenchException(string message) : Exception(message);
