using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;

namespace Kaifong.Web.Features.Scheduling;

public static class SchedulingSetup
{
    public static IServiceCollection AddKaifongScheduling(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ScheduleQueries>();
        services.AddScoped<ScheduleNotices>();
        services.AddScoped<ScheduleCommands>();
        services.AddScoped<CatalogueCommands>();
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<DemoSchedule>();
        services.AddSingleton<Holidays>();
        services.AddScoped<Signups.SignupCommands>();
        services.AddScoped<Signups.SignupNotices>();
        services.AddScoped<Signups.ParticipantQueries>();
        services.AddScoped<Signups.PolicyCommands>();
        services.AddScoped<Signups.CandidateQueries>();
        services.AddScoped<Signups.SubstituteOffers>();
        services.AddScoped<Signups.SubstituteCommands>();
        services.AddScoped<Signups.UnconfirmedPlaces>();
        services.AddHostedService<Signups.UnconfirmedPlacesWorker>();
        services.AddHostedService<OccurrenceWindowWorker>();
        var signalR = services.AddSignalR();
        var redis = config["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("kaifong"));
        }

        return services;
    }

    /// <summary>The live hub, the "me" API, and the secret calendar feed URLs (no sign-in: the URL is the key).</summary>
    public static void MapScheduling(this WebApplication app, RouteGroupBuilder api)
    {
        app.MapHub<ScheduleHub>(ScheduleHub.Path);
        api.MapGroup("/me").RequireAuthorization(Auth.Api).MapMyScheduleApi();
        Signups.SignupEndpoints.MapSignupApi(api);
        app.MapGet("/calendar/{file}", async (string file, CalendarFeeds feeds, HttpContext http) =>
        {
            var token = file.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ? file[..^4] : file;
            var ics = await feeds.RenderAsync(token, http.RequestAborted);
            return ics is null ? Results.NotFound() : Results.Text(ics, "text/calendar; charset=utf-8");
        }).ExcludeFromDescription();
    }
}

/// <summary>Moves each series' rolling window on (<see cref="ActivityRules.WindowDays"/> days ahead), hourly; safe on several instances.</summary>
public sealed class OccurrenceWindowWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<OccurrenceWindowWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var made = await scope.ServiceProvider.GetRequiredService<ScheduleCommands>().ExtendWindowAsync(stoppingToken);
                if (made > 0)
                {
                    log.LogInformation("Made {Count} occurrences as the rolling window moved on", made);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Extending the occurrence window failed; trying again in an hour");
            }

            try
            {
                await Task.Delay(TimeSpan.FromHours(1), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
