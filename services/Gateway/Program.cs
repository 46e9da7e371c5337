using SecureRag.Gateway.Apis;
using SecureRag.Gateway.Extensions;
using SecureRag.ServiceDefaults;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase(typeof(Program).Assembly);
builder.AddMessaging(bus => bus.AddGatewayConsumers());
builder.AddGatewayServices();

var app = builder.Build();
app.UseGatewaySecurity();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapMeApi();
app.MapBootstrapApi();
app.MapApiKeysApi();
app.MapTenantsApi();
app.MapUsersApi();
app.MapGroupsApi();
app.MapAppsApi();
app.MapKnowledgeBasesApi();
app.MapDocumentsApi();
await app.RunServiceAsync(args);
