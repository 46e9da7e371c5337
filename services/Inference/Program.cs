using SecureRag.Inference.Extensions;
using SecureRag.Inference.Grpc;
using SecureRag.ServiceDefaults;
using SecureRag.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase(typeof(Program).Assembly);
builder.AddInferenceServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<InferenceGrpcService>();
await app.RunServiceAsync(args);
