using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Apis;

/// <summary>
/// Permissions held per knowledge base (<c>editor:&lt;id&gt;</c>, <c>approver:&lt;id&gt;</c>). The security middleware
/// checks permissions tenant-wide only, so these endpoints ask it just to authenticate (<see cref="Permission.Identify"/>)
/// and this filter checks the permission for the route's knowledge base, before the handler reads the request body,
/// auditing a denial the way the middleware does. Ingestion checks again on the assertion.
/// </summary>
public static class KnowledgeBaseAuthorization
{
    public static RouteHandlerBuilder RequireKnowledgeBasePermission(this RouteHandlerBuilder builder, Permission permission, string routeValue = "id") =>
        builder.RequirePermission(Permission.Identify).AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var caller = http.GetCaller() ?? throw new InvalidOperationException("The request is not authenticated.");
            var knowledgeBaseId = http.Request.RouteValues[routeValue] as string;
            if (Permissions.Allows(caller.Principal, permission, knowledgeBaseId))
            {
                return await next(invocation);
            }

            await http.RequestServices.GetRequiredService<SecurityAudit>().DeniedAsync(caller, permission.ToString(), http.Connection.RemoteIpAddress, http.RequestAborted);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This credential may not do that.",
                extensions: new Dictionary<string, object?> { ["code"] = "forbidden" });
        });
}
