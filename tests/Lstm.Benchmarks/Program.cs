using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Lstm.Benchmarks -- --filter '*'         all BenchmarkDotNet benchmarks
// dotnet run -c Release --project tests/Lstm.Benchmarks -- --filter '*Model*'   training and prediction batches
// dotnet run -c Release --project tests/Lstm.Benchmarks -- peer --data PATH     the side-by-side run of tools/peer-benchmark.sh
if (args.Length > 0 && args[0] == "peer") return Lstm.Benchmarks.PeerComparison.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new Lstm.Benchmarks.GflopsColumn()));
return 0;
