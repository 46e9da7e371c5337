using SecureRag.Hosting.Otlp.Proto.Resource.V1;

namespace SecureRag.Hosting.Otlp;

/// <summary>The resource attributes the store keeps on every span and log record.</summary>
internal readonly record struct OtlpResourceInfo(string ServiceName, string? ServiceInstanceId)
{
    /// <summary>The semantic conventions' service.name when a resource does not set one.</summary>
    public const string UnknownService = "unknown_service";

    public static OtlpResourceInfo From(Resource? resource)
    {
        string? name = null;
        string? instanceId = null;
        foreach (var attribute in resource?.Attributes ?? [])
        {
            switch (attribute.Key)
            {
                case "service.name":
                    name = OtlpValueFormatter.Format(attribute.Value);
                    break;
                case "service.instance.id":
                    instanceId = OtlpValueFormatter.Format(attribute.Value);
                    break;
            }
        }

        return new OtlpResourceInfo(string.IsNullOrEmpty(name) ? UnknownService : name, instanceId);
    }
}
