using Kaifong.Domain.Common;
using Kaifong.Domain.People;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaifong.Web.Features.Scheduling;

/// <summary>The "Scheduling" table of the public API (docs/api-contract.md), plus shift templates.</summary>
public static class ScheduleEndpoints
{
    /// <summary>/api/v1/organisations/{org}/…</summary>
    public static void MapScheduleApi(this RouteGroupBuilder org)
    {
        var g = org.MapGroup("").WithTags("Scheduling");

        g.MapGet("/activity-types", async (CurrentOrg current, CatalogueCommands commands, HttpContext http) =>
            TypedResults.Ok(await commands.ActivityTypesAsync(current.Context.Id, http.RequestAborted)));

        g.MapPost("/activity-types", async Task<Results<Created<ActivityTypeDto>, ProblemHttpResult>> (
            ActivityTypeRequest body, CurrentOrg current, CatalogueCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, errors) = await commands.AddActivityTypeAsync(current.Context, body, http.RequestAborted);
            return dto is null ? problems.Of(errors) : TypedResults.Created($"/api/v1/organisations/{current.Context.Slug}/activity-types/{dto.Id}", dto);
        });

        g.MapPost("/activities", async Task<Results<Created<CreatedActivityDto>, ProblemHttpResult>> (
            ActivityInput body, CurrentOrg current, ScheduleCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, errors) = await commands.CreateAsync(current.Context, body, http.RequestAborted);
            return dto is null ? problems.Of(errors) : TypedResults.Created($"/api/v1/organisations/{current.Context.Slug}/activities/{dto.Id}", dto);
        });

        g.MapGet("/activities/{id:guid}", async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> (
            Guid id, CurrentOrg current, ScheduleQueries queries, Problems problems, HttpContext http) =>
            await queries.ActivityAsync(current.Context, id, http.RequestAborted) is { } dto ? TypedResults.Ok(dto) : problems.NotFound());

        g.MapPatch("/activities/{id:guid}", async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> (
            Guid id, ActivityPatch body, CurrentOrg current, ScheduleCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, errors) = await commands.PatchAsync(current.Context, id, body, http.RequestAborted);
            return dto is null ? problems.Of(errors) : TypedResults.Ok(dto);
        });

        g.MapDelete("/activities/{id:guid}/occurrences/{date}", async Task<Results<NoContent, ProblemHttpResult>> (
            Guid id, string date, CurrentOrg current, ScheduleCommands commands, Problems problems, HttpContext http) =>
        {
            var errors = await commands.CancelOccurrenceAsync(current.Context, id, date, http.RequestAborted);
            return errors.Count > 0 ? problems.Of(errors) : TypedResults.NoContent();
        });

        g.MapGet("/shifts", async Task<Results<Ok<IReadOnlyList<ShiftDto>>, ProblemHttpResult>> (
            string? from, string? to, Guid? programmeId, string? status, string? district, Guid? activityTypeId,
            CurrentOrg current, ScheduleQueries queries, Problems problems, TimeProvider time, HttpContext http) =>
        {
            var org = current.Context;
            var range = ScheduleQueries.Range(from, to, ZonedTime.Today(time, org.Organisation.Zone));
            if (range.Error is { } e)
            {
                return problems.From(e);
            }

            var states = ParseStates(status);
            if (states is null)
            {
                return problems.From(new Error("validation", "Error.Invalid", Field: "status"));
            }

            var districtErrors = new List<Error>();
            var d = Districts.ParseOptional(district, districtErrors, SchedulingErrors.UnknownDistrict);
            if (districtErrors.Count > 0)
            {
                return problems.From(districtErrors[0]);
            }

            var filter = new ShiftFilter(range.Value.From, range.Value.To, programmeId, states, d, activityTypeId);
            return TypedResults.Ok(await queries.ShiftsAsync(org, filter, http.RequestAborted));
        });

        g.MapGet("/shift-templates", async Task<Results<Ok<ShiftTemplateDto[]>, ProblemHttpResult>> (
            CurrentOrg current, CatalogueCommands commands, Problems problems, HttpContext http) =>
            current.Context.Viewer.IsStaff ? TypedResults.Ok(await commands.TemplatesAsync(current.Context, http.RequestAborted)) : problems.Forbidden());

        g.MapPost("/shift-templates", async Task<Results<Created<ShiftTemplateDto>, ProblemHttpResult>> (
            ShiftTemplateRequest body, CurrentOrg current, CatalogueCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, errors) = await commands.AddTemplateAsync(current.Context, body, http.RequestAborted);
            return dto is null ? problems.Of(errors) : TypedResults.Created($"/api/v1/organisations/{current.Context.Slug}/shift-templates/{dto.Id}", dto);
        });

        g.MapPost("/shift-templates/{id:guid}/generate", async Task<Results<Created<CreatedActivityDto>, ProblemHttpResult>> (
            Guid id, GenerateRequest body, CurrentOrg current, CatalogueCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, errors) = await commands.GenerateAsync(current.Context, id, body.Month, http.RequestAborted);
            return dto is null ? problems.Of(errors) : TypedResults.Created($"/api/v1/organisations/{current.Context.Slug}/activities/{dto.Id}", dto);
        });
    }

    /// <summary>/api/v1/me/shifts, /api/v1/me/open-shifts, /api/v1/me/calendar-feed.</summary>
    public static void MapMyScheduleApi(this RouteGroupBuilder me)
    {
        me.MapGet("/shifts", async Task<Results<Ok<IReadOnlyList<ShiftDto>>, ProblemHttpResult>> (
            string? from, string? to, ScheduleQueries queries, Problems problems, TimeProvider time, HttpContext http) =>
        {
            var range = ScheduleQueries.Range(from, to, HongKongToday(time));
            if (range.Error is { } e)
            {
                return problems.From(e);
            }

            var (f, t) = WideInstants(range.Value.From, range.Value.To);
            return TypedResults.Ok(await queries.MyShiftsAsync(http.User.RequiredUserId(), f, t, http.RequestAborted));
        }).WithTags("Scheduling");

        me.MapGet("/open-shifts", async Task<Results<Ok<IReadOnlyList<ShiftDto>>, ProblemHttpResult>> (
            string? from, string? to, string? district, Guid? programmeId, string? organisation,
            ScheduleQueries queries, Problems problems, TimeProvider time, HttpContext http) =>
        {
            var range = ScheduleQueries.Range(from, to, HongKongToday(time));
            if (range.Error is { } e)
            {
                return problems.From(e);
            }

            var districtErrors = new List<Error>();
            var d = Districts.ParseOptional(district, districtErrors, SchedulingErrors.UnknownDistrict);
            if (districtErrors.Count > 0)
            {
                return problems.From(districtErrors[0]);
            }

            var (f, t) = WideInstants(range.Value.From, range.Value.To);
            return TypedResults.Ok(await queries.OpenShiftsAsync(http.User.RequiredUserId(), f, t, d, programmeId, organisation, http.RequestAborted));
        }).WithTags("Scheduling");

        me.MapGet("/calendar-feed", async (CalendarFeeds feeds, HttpContext http) =>
            TypedResults.Ok(new FeedDto(await feeds.PersonalUrlAsync(http.User.RequiredUserId(), http.RequestAborted))))
            .WithTags("Scheduling");

        me.MapDelete("/calendar-feed", async (CalendarFeeds feeds, HttpContext http) =>
        {
            await feeds.RevokePersonalAsync(http.User.RequiredUserId(), http.RequestAborted);
            return TypedResults.NoContent();
        }).WithTags("Scheduling");
    }

    /// <summary>"Gap,Short" → states; empty → no filter; null when a word is not a state.</summary>
    public static IReadOnlyCollection<FillState>? ParseStates(string? status)
    {
        if (string.IsNullOrWhiteSpace(status))
        {
            return [];
        }

        var states = new List<FillState>();
        foreach (var part in status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<FillState>(part, ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(part, out _))
            {
                return null;
            }

            states.Add(s);
        }

        return states;
    }

    /// <summary>A person's lists span organisations (and zones): dates are read in Hong Kong time, with a day's margin either side.</summary>
    public static DateOnly HongKongToday(TimeProvider time) =>
        ZonedTime.Today(time, Domain.Organisations.OrganisationRules.FindZone(Domain.Organisations.OrganisationRules.DefaultTimeZone)!);

    private static (DateTimeOffset, DateTimeOffset) WideInstants(DateOnly from, DateOnly to) =>
        ScheduleQueries.Instants(from, to, Domain.Organisations.OrganisationRules.FindZone(Domain.Organisations.OrganisationRules.DefaultTimeZone)!);
}
