using SecureRag.Audit.Extensions;
using SecureRag.Audit.Grpc;
using SecureRag.Audit.Infrastructure;
using SecureRag.ServiceDefaults;
using SecureRag.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
if (VerifyCommand.IsRequested(args))
{
    return await VerifyCommand.RunAsync(builder, Console.Out);
}

builder.AddServiceDefaults();
builder.AddAuditServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<AuditLogService>();
await app.RunServiceAsync(args);
return 0;
