using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Lstm.Benchmarks -- --filter '*'         all BenchmarkDotNet benchmarks
// dotnet run -c Release --project tests/Lstm.Benchmarks -- --filter '*Model*'   training and prediction batches
// dotnet run -c Release --project tests/Lstm.Benchmarks -- peer --data PATH     the side-by-side run of tools/peer-benchmark.sh
// dotnet run -c Release --project tests/Lstm.Benchmarks -- scaling             time per epoch against max_len, batch size, units
// dotnet run -c Release --project tests/Lstm.Benchmarks -- scoring             every scoring path of the shipped model: reviews/s, latency
if (args.Length > 0 && args[0] == "peer") return Lstm.Benchmarks.PeerComparison.Run(args);
if (args.Length > 0 && args[0] == "scoring") return Lstm.Benchmarks.ScoringTable.Run(args);
if (args.Length > 0 && args[0] == "scaling") return Lstm.Benchmarks.ScalingTable.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new Lstm.Benchmarks.GflopsColumn()));
return 0;
