using SecureRag.ServiceDefaults;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase(typeof(Program).Assembly);
builder.AddMessaging();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunServiceAsync(args);
