using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Lstm.Benchmarks;

/// <summary>GFLOP/s beside the time: the benchmark's floating-point work divided by its mean time.</summary>
public sealed class GflopsColumn : IColumn
{
    public string Id => nameof(GflopsColumn);
    public string ColumnName => "GFLOP/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Floating-point operations per second (model FLOPs / mean time)";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats) return "-";
        double flops = Flops(benchmarkCase);
        return flops > 0 ? (flops / stats.Mean).ToString("F1") : "-"; // FLOP per ns = GFLOP/s
    }

    private static double Flops(BenchmarkCase c)
    {
        string method = c.Descriptor.WorkloadMethod.Name;
        const double train = 393e6, score = 131e6;
        switch (method)
        {
            case "TrainBatch32": return 32 * train;
            case "PredictBatch256": return 256 * score;
            case "StepForward":
            case "StepBackward": return 2.0 * 8 * 128 * 512;
            case "Forward": return 8.0 * 500 * 2 * 2 * 128 * 512;
            case "ForwardBackward": return 8.0 * 500 * 2 * 6 * 128 * 512;
            case "Multiply":
                var instance = new KernelBenchmarks { Shape = (string)c.Parameters["Shape"] };
                return instance.Flops;
            default: return 0;
        }
    }
}
