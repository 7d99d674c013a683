using Kaifong.Data;
using Kaifong.Domain.Audit;
using Kaifong.Domain.Common;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Audit;

public sealed record AuditEntryDto(Guid Id, DateTimeOffset At, string Action, Guid ActorUserId, string ActorName,
    Guid? SubjectUserId, string? SubjectName, string? Detail);

public sealed record AuditFilter(string? Action, DateOnly? From, DateOnly? To, Guid? SubjectUserId, int Page = 1)
{
    public const int PageSize = 50;
}

/// <summary>The audit log, for admins: filter by action, dates (in the organisation's time zone) and whose data.</summary>
public sealed class AuditQueries(KaifongDb db)
{
    public static IReadOnlyList<Error> Validate(AuditFilter f)
    {
        var errors = new List<Error>();
        if (f.Action is { Length: > 0 } a && !AuditActions.All.Contains(a))
        {
            errors.Add(new Error("validation", "Error.Invalid", Field: "action"));
        }

        if (f.From is { } from && f.To is { } to && to < from)
        {
            errors.Add(new Error("validation", "Error.EndBeforeStart", Field: "to"));
        }

        if (f.Page is < 1 or > 100_000)
        {
            errors.Add(new Error("validation", "Error.Invalid", Field: "page"));
        }

        return errors;
    }

    public async Task<IReadOnlyList<AuditEntryDto>> ListAsync(OrgContext org, AuditFilter f, CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == org.Id);
        if (f.Action is { Length: > 0 } action)
        {
            q = q.Where(e => e.Action == action);
        }

        if (f.SubjectUserId is { } subject)
        {
            q = q.Where(e => e.SubjectUserId == subject);
        }

        var zone = org.Organisation.Zone;
        if (f.From is { } from)
        {
            var start = StartOfDay(from, zone);
            q = q.Where(e => e.At >= start);
        }

        if (f.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1), zone);
            q = q.Where(e => e.At < end);
        }

        var page = await q.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((f.Page - 1) * AuditFilter.PageSize).Take(AuditFilter.PageSize)
            .ToListAsync(ct);
        var userIds = page.Select(e => e.ActorUserId).Concat(page.Where(e => e.SubjectUserId != null).Select(e => e.SubjectUserId!.Value)).Distinct().ToArray();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return page.Select(e => new AuditEntryDto(e.Id, e.At, e.Action, e.ActorUserId, names.GetValueOrDefault(e.ActorUserId, "?"),
            e.SubjectUserId, e.SubjectUserId is { } s ? names.GetValueOrDefault(s) : null, e.Detail)).ToList();
    }

    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

public static class AuditEndpoints
{
    public static void MapAuditApi(this RouteGroupBuilder org)
    {
        org.MapGet("/audit", async Task<Results<Ok<IReadOnlyList<AuditEntryDto>>, ProblemHttpResult>> (
            string? action, DateOnly? from, DateOnly? to, Guid? subjectUserId, int? page,
            CurrentOrg current, AuditQueries queries, Problems problems, TwoFactorGate gate, HttpContext http) =>
        {
            if (await gate.AdminCheckAsync(current.Context, http.User) is { } stop)
            {
                return problems.From(stop);
            }

            var filter = new AuditFilter(action, from, to, subjectUserId, page ?? 1);
            var errors = AuditQueries.Validate(filter);
            return errors.Count > 0 ? problems.Validation(errors) : TypedResults.Ok(await queries.ListAsync(current.Context, filter, http.RequestAborted));
        }).WithTags("Audit");
    }
}
