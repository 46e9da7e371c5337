using SecureRag.Guardrail.Extensions;
using SecureRag.ServiceDefaults;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase(typeof(Program).Assembly);
builder.AddMessaging();
builder.AddGuardrailServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGuardrailEndpoints();
await app.RunServiceAsync(args);
