using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Lstm.Benchmarks -- --filter '*'        (all)
// dotnet run -c Release --project tests/Lstm.Benchmarks -- --filter '*Model*'  (training batch and prediction batch)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new Lstm.Benchmarks.GflopsColumn()));
