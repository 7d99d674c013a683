using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Kaifong.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Infrastructure;

public static class ApiSetup
{
    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddKaifongApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddOpenApi("v1");
        services.AddScoped<Problems>();
        services.AddScoped<CurrentOrg>();
        services.AddScoped<AuditLog>();
        services.AddScoped<TwoFactorGate>();
        services.AddScoped<Kaifong.Web.Features.Audit.AuditQueries>();
        services.AddScoped<Kaifong.Web.Features.Organisations.OrganisationCommands>();
        services.AddScoped<Kaifong.Web.Features.Members.MemberCommands>();
        services.AddScoped<Kaifong.Web.Features.Invitations.InvitationCommands>();
        services.AddScoped<Kaifong.Web.Features.Profile.ProfileCommands>();

        // Problems the framework raises itself (bad JSON, 401, 404, 429…) get the same code and localised title.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            var l = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                ctx.ProblemDetails.Extensions["code"] = status switch
                {
                    400 => "validation",
                    401 => "unauthorized",
                    403 => "forbidden",
                    404 => "not_found",
                    405 => "method_not_allowed",
                    409 => "conflict",
                    413 => "too_large",
                    415 => "unsupported_media_type",
                    429 => "rate_limited",
                    _ => "error",
                };
                var title = l[$"Problem.{status}"];
                ctx.ProblemDetails.Title = title.ResourceNotFound ? l["Problem.500"].Value : title.Value;
                ctx.ProblemDetails.Detail = status == 400 ? l["Problem.BadRequestDetail"].Value : null;
            }

            ctx.ProblemDetails.Extensions.Remove("traceId");
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInPolicy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("RateLimits:SignInPerMinute", 10);
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                    await TypedResults.Problem(new ProblemDetails
                    {
                        Status = 429,
                        Title = l["Problem.429"],
                        Detail = l["Error.TooManySignIns"],
                        Extensions = { ["code"] = "rate_limited" },
                    }).ExecuteAsync(http);
                }
            };
        });
        return services;
    }

    /// <summary>Turns the framework's validation dictionary into ours when a body could not be read.</summary>
    public static Error BodyError => new("validation", "Problem.BadRequestDetail");
}
