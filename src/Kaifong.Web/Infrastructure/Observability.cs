using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kaifong.Web.Infrastructure;

/// <summary>Structured logs (JSON with `Logging:Json`), OpenTelemetry traces and metrics (OTLP when `Otlp:Endpoint` is set).</summary>
public static class Observability
{
    public const string SourceName = "Kaifong";

    public static IServiceCollection AddKaifongObservability(this IServiceCollection services, IConfiguration config, ILoggingBuilder logging)
    {
        if (config.GetValue("Logging:Json", false))
        {
            logging.ClearProviders();
            logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("kaifong"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource(SourceName))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(SourceName));
        var endpoint = config["Otlp:Endpoint"];
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            otel.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint));
        }

        return services;
    }
}
