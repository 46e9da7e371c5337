using SecureRag.Ingestion.Extensions;
using SecureRag.Ingestion.Grpc;
using SecureRag.ServiceDefaults;
using SecureRag.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIngestionServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<IngestionGrpcService>();
await app.RunServiceAsync(args);
