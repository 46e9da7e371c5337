using SecureRag.AppHost;
using SecureRag.Hosting;

var builder = DistributedApplication.CreateBuilder(args);
SecureRagApp.Define(builder);
await using var app = builder.Build();
await app.RunAsync();
