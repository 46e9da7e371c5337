using SecureRag.Hosting.Otlp.Proto.Collector.Metrics.V1;
using SecureRag.Hosting.Otlp.Proto.Metrics.V1;

namespace SecureRag.Hosting.Otlp;

/// <summary>Counts the data points of a metrics export; the AppHost does not keep metrics yet.</summary>
internal static class OtlpMetricCounter
{
    public static long CountDataPoints(ExportMetricsServiceRequest request) =>
        request.ResourceMetrics
            .SelectMany(resource => resource.ScopeMetrics)
            .SelectMany(scope => scope.Metrics)
            .Sum(CountDataPoints);

    private static long CountDataPoints(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Count,
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Count,
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Count,
        Metric.DataOneofCase.ExponentialHistogram => metric.ExponentialHistogram.DataPoints.Count,
        Metric.DataOneofCase.Summary => metric.Summary.DataPoints.Count,
        _ => 0,
    };
}
