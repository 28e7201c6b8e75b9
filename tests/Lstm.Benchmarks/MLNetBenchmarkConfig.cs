using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Lstm.Benchmarks;

/// <summary>
/// One scoring pass is seconds long, so each benchmark runs in process (no rebuild), monitoring strategy: one
/// warm-up pass and five measured passes, each timed once. Adds reviews/s and ms/review columns.
/// </summary>
public sealed class MLNetBenchmarkConfig : ManualConfig
{
    public MLNetBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(new MLNetReviewsColumn(perSecond: true), new MLNetReviewsColumn(perSecond: false));
    }
}

/// <summary>Reviews scored per second, or milliseconds per review, from the mean time and the reviews one call scores.</summary>
public sealed class MLNetReviewsColumn(bool perSecond) : IColumn
{
    public string Id => nameof(MLNetReviewsColumn) + (perSecond ? "PerSecond" : "Latency");
    public string ColumnName => perSecond ? "reviews/s" : "ms/review";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => perSecond ? 1 : 2;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => perSecond ? "Reviews scored per second (reviews per call / mean time)" : "Milliseconds per review (mean time / reviews per call)";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (summary[benchmarkCase]?.ResultStatistics is not { } stats) return "-";
        int reviews = benchmarkCase.Descriptor.WorkloadMethod.Name.EndsWith("PredictionEngine", StringComparison.Ordinal)
            ? MLNetScoringBenchmarks.LatencyReviews
            : MLNetScoringBenchmarks.ThroughputReviews;
        double seconds = stats.Mean / 1e9;
        return perSecond ? (reviews / seconds).ToString("F0") : (seconds * 1000 / reviews).ToString("F3");
    }
}
