using SecureRag.Retrieval.Extensions;
using SecureRag.ServiceDefaults;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRetrievalServices();
builder.AddMessaging();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRetrievalServices();
await app.RunServiceAsync(args);
