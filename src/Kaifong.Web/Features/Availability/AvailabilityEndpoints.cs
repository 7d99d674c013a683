using Kaifong.Data;
using Kaifong.Domain.Signups;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaifong.Web.Features.Availability;

/// <summary><c>GET</c> / <c>PUT /api/v1/me/availability?org={slug}</c>: the caller's own availability in one organisation.</summary>
public static class AvailabilityEndpoints
{
    public static IServiceCollection AddKaifongAvailability(this IServiceCollection services)
    {
        services.AddScoped<AvailabilityCommands>();
        services.AddScoped<AvailabilityQueries>();
        return services;
    }

    public static void MapAvailabilityApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me/availability").RequireAuthorization(Auth.Api).WithTags("Availability");
        group.MapGet("/", async Task<Results<Ok<AvailabilityDto>, ProblemHttpResult>> (
            string? org, AvailabilityCommands commands, KaifongDb db, Problems problems, HttpContext http) =>
        {
            var (context, problem) = await ResolveAsync(org, db, problems, http);
            return context is null ? problem! : TypedResults.Ok(AvailabilityCommands.Dto(await commands.GetAsync(context, http.RequestAborted)));
        });

        group.MapPut("/", async Task<Results<Ok<AvailabilityDto>, ProblemHttpResult>> (
            string? org, AvailabilityInput? body, AvailabilityCommands commands, KaifongDb db, Problems problems, HttpContext http) =>
        {
            var (context, problem) = await ResolveAsync(org, db, problems, http);
            if (context is null)
            {
                return problem!;
            }

            if (body is null)
            {
                return problems.Validation([ApiSetup.BodyError]);
            }

            var (value, errors) = await commands.ReplaceAsync(context, body, http.RequestAborted);
            return value is null ? problems.Validation(errors) : TypedResults.Ok(AvailabilityCommands.Dto(value));
        });
    }

    /// <summary>The organisation named by <c>?org=</c> where the caller is an active member; 404 otherwise, so slugs cannot be probed.</summary>
    private static async Task<(OrgContext? Context, ProblemHttpResult? Problem)> ResolveAsync(string? slug, KaifongDb db, Problems problems, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return (null, problems.Validation([AvailabilityErrors.Required("org")]));
        }

        var context = await Tenancy.ResolveAsync(db, slug, http.User.UserId(), http.RequestAborted);
        return context is null ? (null, problems.NotFound()) : (context, null);
    }
}
