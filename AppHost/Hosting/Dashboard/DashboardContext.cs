using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Otlp;

namespace SecureRag.Hosting.Dashboard;

/// <summary>What the pages read and act on: the running application, its state, output and telemetry.</summary>
internal sealed class DashboardContext(
    DistributedApplication app,
    DashboardOptions options,
    string applicationName,
    IDashboardAuditTrail? auditTrail,
    TimeProvider time)
{
    public DistributedApplication App { get; } = app;

    public DashboardOptions Options { get; } = options;

    public string ApplicationName { get; } = applicationName;

    public ResourceNotificationService Resources => App.ResourceNotifications;

    public ResourceConsoleLogs ConsoleLogs => App.ConsoleLogs;

    public TelemetryStore Telemetry => App.Telemetry;

    public TimeProvider Time { get; } = time;

    /// <summary>The audit trail, when the application registered one.</summary>
    public AuditVerificationCache? Audit { get; } = auditTrail is null ? null : new AuditVerificationCache(auditTrail, app, options.AuditVerificationMaxAge, time);
}
