using SecureRag.Auth.Apis;
using SecureRag.Auth.Extensions;
using SecureRag.Auth.Grpc;
using SecureRag.Auth.Oidc;
using SecureRag.ServiceDefaults;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase(typeof(Program).Assembly);
builder.AddMessaging();
builder.AddAuthServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAssertionKeys();
app.MapDevelopmentIdentityProvider();
app.MapGrpcService<AuthenticatorService>();
app.MapGrpcService<ServiceTokensService>();
app.MapGrpcService<AdministrationService>();
await app.RunServiceAsync(args);
