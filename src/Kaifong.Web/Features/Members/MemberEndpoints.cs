using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaifong.Web.Features.Members;

public static class MemberEndpoints
{
    public static void MapMemberApi(this RouteGroupBuilder org)
    {
        var members = org.MapGroup("/members").WithTags("Members");

        members.MapGet("/", async Task<Results<Ok<IReadOnlyList<MemberDto>>, ProblemHttpResult>> (
            string? status, CurrentOrg current, MemberCommands commands, Problems problems, HttpContext http) =>
        {
            if (!MemberAccess.CanListMembers(current.Context.Viewer))
            {
                return problems.Forbidden();
            }

            MembershipStatus? filter = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<MembershipStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(status, out _))
                {
                    return problems.Validation([new Error("validation", "Error.Invalid", Field: "status")]);
                }

                filter = s;
            }

            return TypedResults.Ok(await commands.ListAsync(current.Context, filter, withContacts: true, http.RequestAborted));
        });

        members.MapGet("/{membershipId:guid}", async Task<Results<Ok<MemberDto>, ProblemHttpResult>> (
            Guid membershipId, CurrentOrg current, MemberCommands commands, Problems problems, HttpContext http) =>
            await commands.GetAsync(current.Context, membershipId, withContact: true, http.RequestAborted) is { } dto
                ? TypedResults.Ok(dto) : current.Context.Viewer.IsStaff ? problems.NotFound() : problems.Forbidden());

        members.MapPost("/{membershipId:guid}/approve", (Guid membershipId, CurrentOrg current, MemberCommands commands, Problems problems, HttpContext http) =>
            Decide(membershipId, approve: true, current, commands, problems, http));
        members.MapPost("/{membershipId:guid}/reject", (Guid membershipId, CurrentOrg current, MemberCommands commands, Problems problems, HttpContext http) =>
            Decide(membershipId, approve: false, current, commands, problems, http));

        members.MapPut("/{membershipId:guid}/roles", async Task<Results<Ok<MemberDto>, ProblemHttpResult>> (
            Guid membershipId, RolesRequest body, CurrentOrg current, MemberCommands commands, Problems problems, TwoFactorGate gate, HttpContext http) =>
        {
            if (await gate.AdminCheckAsync(current.Context, http.User) is { } stop)
            {
                return problems.From(stop);
            }

            var result = await commands.SetRolesAsync(current.Context, membershipId, body, http.RequestAborted);
            return result.Value is { } dto ? TypedResults.Ok(dto) : problems.From(result.Error!);
        });

        members.MapPost("/{membershipId:guid}/sign-out-everywhere", async Task<Results<NoContent, ProblemHttpResult>> (
            Guid membershipId, CurrentOrg current, Account.SessionCommands sessions, Problems problems, HttpContext http) =>
            await sessions.SignOutEverywhereAsync(current.Context, http.User, membershipId, http.RequestAborted) is { } error ? problems.From(error) : TypedResults.NoContent());

        members.MapPut("/{membershipId:guid}/skills", async Task<Results<Ok<MemberDto>, ProblemHttpResult>> (
            Guid membershipId, SkillsRequest body, CurrentOrg current, MemberCommands commands, Problems problems, HttpContext http) =>
        {
            if (!current.Context.Viewer.IsStaff)
            {
                return problems.Forbidden();
            }

            var result = await commands.SetSkillsAsync(current.Context, membershipId, body.Skills, http.RequestAborted);
            return result.Value is { } dto ? TypedResults.Ok(dto) : problems.From(result.Error!);
        });
    }

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult>> Decide(
        Guid membershipId, bool approve, CurrentOrg current, MemberCommands commands, Problems problems, HttpContext http)
    {
        if (!current.Context.Viewer.IsStaff)
        {
            return problems.Forbidden();
        }

        var result = await commands.DecideAsync(current.Context, membershipId, approve, http.RequestAborted);
        return result.Value is { } dto ? TypedResults.Ok(dto) : problems.From(result.Error!);
    }
}
