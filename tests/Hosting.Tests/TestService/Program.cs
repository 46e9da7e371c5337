// A stand-in for a SecureRag service: it is healthy unless TestService__Healthy=false, and shows the environment the
// AppHost gave it, so the tests can check what a service receives.
Console.WriteLine($"TestService {Environment.ProcessId} starting");
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/health", (IConfiguration configuration) =>
    configuration.GetValue("TestService:Healthy", true) ? Results.Text("Healthy") : Results.StatusCode(503));
app.MapGet("/environment", () =>
    Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
        .ToDictionary(e => (string)e.Key, e => (string?)e.Value));
app.MapGet("/pid", () => Environment.ProcessId);

app.Run();
