using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ComplianceGrains.Operations;

/// <summary>
/// The business instruments of the <c>ComplianceGrains</c> meter (ARCHITECTURE.md "Operations"). Each is recorded at
/// the one place its event happens: submissions and completion transitions in the offering-user grain, lifecycle
/// batches in the offering grain, batch sizes in the group commit. In Prometheus they read
/// <c>compliance_submissions_total{outcome="accepted"}</c> and so on.
/// </summary>
public static class ComplianceMetrics
{
    public const string MeterName = "ComplianceGrains";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Submissions = Meter.CreateCounter<long>(
        "compliance.submissions", "{submission}", "Answer submissions, by outcome (accepted, rejected).");

    private static readonly Counter<long> ValidationFailures = Meter.CreateCounter<long>(
        "compliance.validation.failures", "{item}", "Submitted items refused by validation, by type of failure.");

    private static readonly Counter<long> Completions = Meter.CreateCounter<long>(
        "compliance.completions", "{completion}", "Completions that became complete or were reopened, by transition.");

    private static readonly Counter<long> LifecycleBatches = Meter.CreateCounter<long>(
        "compliance.lifecycle.batches", "{batch}", "Batches of offering users a lifecycle job has brought in line.");

    private static readonly Counter<long> PublicationRetries = Meter.CreateCounter<long>(
        "compliance.publication.retries", "{retry}", "Snapshot publications tried again after a failure.");

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "compliance.deliveries", "{delivery}", "Webhook and e-mail deliveries, by channel and outcome.");

    private static readonly Histogram<int> GroupCommitBatchSizes = Meter.CreateHistogram<int>(
        "compliance.group_commit.batch_size", "{item}", "Items written by one group-commit statement, by store.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    /// <summary>The running lifecycle jobs of this silo's offerings: users still to visit, and when each job started.</summary>
    private static readonly ConcurrentDictionary<Guid, (int Pending, DateTime Started)> RunningJobs = new();

    static ComplianceMetrics()
    {
        Meter.CreateObservableGauge("compliance.lifecycle.pending", () => RunningJobs.Values.Sum(job => (long)job.Pending),
            "{offering_user}", "Offering users the running lifecycle jobs of this silo have yet to visit.");
        Meter.CreateObservableGauge("compliance.lifecycle.lag", LifecycleLagSeconds,
            "s", "How long the oldest running lifecycle job of this silo has been running (0 when none runs).");
    }

    public static class Outcomes
    {
        public const string Accepted = "accepted";
        public const string Rejected = "rejected";
    }

    public static class Transitions
    {
        public const string Completed = "completed";
        public const string Reopened = "reopened";
        public const string Expired = "expired";
    }

    public static void SubmissionAccepted() => Submissions.Add(1, new KeyValuePair<string, object?>("outcome", Outcomes.Accepted));

    /// <param name="failureTypes">The type of each refused item (<see cref="Domain.SubmissionValidation"/>).</param>
    public static void SubmissionRejected(IEnumerable<string> failureTypes)
    {
        Submissions.Add(1, new KeyValuePair<string, object?>("outcome", Outcomes.Rejected));
        foreach (var type in failureTypes) ValidationFailures.Add(1, new KeyValuePair<string, object?>("type", type));
    }

    /// <summary>Counts a change of a completion's completed flag; no change counts nothing.</summary>
    public static void CompletionChanged(bool wasCompleted, bool isCompleted)
    {
        if (wasCompleted == isCompleted) return;
        Completions.Add(1, new KeyValuePair<string, object?>("transition", isCompleted ? Transitions.Completed : Transitions.Reopened));
    }

    public static void CompletionExpired() =>
        Completions.Add(1, new KeyValuePair<string, object?>("transition", Transitions.Expired));

    public static void PublicationRetried() => PublicationRetries.Add(1);

    /// <param name="channel"><c>webhook</c> or <c>email</c>.</param>
    /// <param name="outcome">For example <c>delivered</c>, <c>failed</c>.</param>
    public static void Delivery(string channel, string outcome) => Deliveries.Add(1,
        new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    public static void GroupCommitBatch(string store, int size) =>
        GroupCommitBatchSizes.Record(size, new KeyValuePair<string, object?>("store", store));

    /// <summary>A lifecycle job of <paramref name="offering"/> has visited a batch; <paramref name="pending"/> users remain.</summary>
    public static void LifecycleBatchDone(Guid offering, int pending, DateTime started)
    {
        LifecycleBatches.Add(1);
        RunningJobs[offering] = (pending, started);
    }

    /// <summary>The offering's job is running (or resumed) with <paramref name="pending"/> users to visit.</summary>
    public static void LifecycleJobRunning(Guid offering, int pending, DateTime started) => RunningJobs[offering] = (pending, started);

    /// <summary>The offering's job finished here, or its activation left this silo.</summary>
    public static void LifecycleJobGone(Guid offering) => RunningJobs.TryRemove(offering, out _);

    private static double LifecycleLagSeconds()
    {
        if (RunningJobs.IsEmpty) return 0;
        var oldest = RunningJobs.Values.Min(job => job.Started);
        return Math.Max(0, (DateTime.UtcNow - oldest).TotalSeconds);
    }
}
