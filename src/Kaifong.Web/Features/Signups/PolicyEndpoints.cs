using Kaifong.Data;
using Kaifong.Domain.Audit;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.Signups;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Signups;

public sealed record PersonLimitsRequest(int? WeeklyShiftLimit, int? MonthlyShiftLimit);

/// <summary>The organisation's filling policy (admins) and a person's own limits (staff in scope).</summary>
public sealed class PolicyCommands(KaifongDb db, AuditLog audit)
{
    public static FillingPolicy Of(Domain.Organisations.Organisation o) =>
        new(o.WeeklyShiftLimit, o.MonthlyShiftLimit, o.MinRestMinutes, o.ConfirmationHours, o.LateCancellationHours, o.OfferUnconfirmedPlaces);

    public async Task<IReadOnlyList<Error>> SetAsync(OrgContext org, FillingPolicy policy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!MemberAccess.CanManageOrganisation(org.Viewer))
        {
            return [new Error("forbidden", "Error.Forbidden", ErrorKind.Forbidden)];
        }

        var errors = policy.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }

        var o = await db.Organisations.FirstAsync(x => x.Id == org.Id, ct);
        (o.WeeklyShiftLimit, o.MonthlyShiftLimit, o.MinRestMinutes, o.ConfirmationHours, o.LateCancellationHours, o.OfferUnconfirmedPlaces) =
            (policy.WeeklyShiftLimit, policy.MonthlyShiftLimit, policy.MinRestMinutes, policy.ConfirmationHours, policy.LateCancellationHours, policy.OfferUnconfirmedPlaces);
        audit.Add(org.Id, org.Me.UserId, AuditActions.SettingsChanged, detail: $"filling policy: {policy}");
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<IReadOnlyList<Error>> SetPersonAsync(OrgContext org, Guid membershipId, PersonLimitsRequest input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var m = await db.Memberships.Include(x => x.Programmes).FirstOrDefaultAsync(x => x.Id == membershipId && x.OrganisationId == org.Id, ct);
        if (m is null)
        {
            return [new Error("not_found", "Error.NotFound", ErrorKind.NotFound)];
        }

        if (!MemberAccess.InScope(org.Viewer, m.Programmes.Select(p => p.ProgrammeId)))
        {
            return [new Error("forbidden", "Error.Forbidden", ErrorKind.Forbidden)];
        }

        var errors = new FillingPolicy(input.WeeklyShiftLimit, input.MonthlyShiftLimit, 0, null, null).Validate();
        if (errors.Count > 0)
        {
            return errors;
        }

        (m.WeeklyShiftLimit, m.MonthlyShiftLimit) = (input.WeeklyShiftLimit, input.MonthlyShiftLimit);
        audit.Add(org.Id, org.Me.UserId, AuditActions.SettingsChanged, m.UserId, m.Id, $"shift limits: {input.WeeklyShiftLimit}/week, {input.MonthlyShiftLimit}/month");
        await db.SaveChangesAsync(ct);
        return [];
    }
}

public static class PolicyEndpoints
{
    public static void MapPolicyApi(this RouteGroupBuilder org)
    {
        org.MapGet("/filling-policy", (CurrentOrg current) => TypedResults.Ok(PolicyCommands.Of(current.Context.Organisation))).WithTags("Sign-ups");
        org.MapPut("/filling-policy", async Task<Results<Ok<FillingPolicy>, ProblemHttpResult>> (
            FillingPolicy body, CurrentOrg current, PolicyCommands commands, Problems problems, HttpContext http) =>
        {
            var errors = await commands.SetAsync(current.Context, body, http.RequestAborted);
            return errors.Count > 0 ? problems.Of(errors) : TypedResults.Ok(body);
        }).WithTags("Sign-ups");
        org.MapPut("/members/{membershipId:guid}/limits", async Task<Results<NoContent, ProblemHttpResult>> (
            Guid membershipId, PersonLimitsRequest body, CurrentOrg current, PolicyCommands commands, Problems problems, HttpContext http) =>
        {
            var errors = await commands.SetPersonAsync(current.Context, membershipId, body, http.RequestAborted);
            return errors.Count > 0 ? problems.Of(errors) : TypedResults.NoContent();
        }).WithTags("Sign-ups");
    }
}
