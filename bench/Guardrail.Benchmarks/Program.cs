using BenchmarkDotNet.Running;
using SecureRag.Bench.Guardrail;

// dotnet run -c Release --project bench/Guardrail.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(RailBenchmarks).Assembly).Run(args, new ShortConfig());
