using Kaifong.Domain.Common;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaifong.Web.Features.Signups;

/// <summary>The "Sign-ups and attendance" table of docs/api-contract.md: sign up, assign, confirm, cancel, participants.</summary>
public static class SignupEndpoints
{
    public static void MapSignupApi(this RouteGroupBuilder api)
    {
        var shifts = api.MapGroup("/shifts/{shiftId:guid}").RequireAuthorization(Auth.Api).WithTags("Sign-ups");
        shifts.MapPost("/signups", async Task<Results<Created<SignupDto>, Ok<SignupDto>, ProblemHttpResult>> (
            Guid shiftId, SignupRequest? body, SignupCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, created, errors) = await commands.SignUpAsync(http.User.RequiredUserId(), shiftId, body, http.RequestAborted);
            return Answer(dto, created, errors, problems);
        });

        shifts.MapPost("/assignments", async Task<Results<Created<SignupDto>, Ok<SignupDto>, ProblemHttpResult>> (
            Guid shiftId, AssignmentRequest body, SignupCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, created, errors) = await commands.AssignAsync(http.User.RequiredUserId(), shiftId, body, http.RequestAborted);
            return Answer(dto, created, errors, problems);
        });

        shifts.MapPost("/assignments/bulk", async Task<Results<Ok<IReadOnlyList<BulkAssignmentResult>>, ProblemHttpResult>> (
            Guid shiftId, BulkAssignmentRequest body, SignupCommands commands, Problems problems, HttpContext http) =>
        {
            var (list, errors) = await commands.AssignManyAsync(http.User.RequiredUserId(), shiftId, body, problems.Text, http.RequestAborted);
            return list is null ? problems.Of(errors) : TypedResults.Ok(list);
        });

        shifts.MapGet("/participants", async Task<Results<Ok<IReadOnlyList<ParticipantDto>>, ProblemHttpResult>> (
            Guid shiftId, ParticipantQueries queries, Problems problems, HttpContext http) =>
        {
            var (list, error) = await queries.ListAsync(http.User.RequiredUserId(), shiftId, http.RequestAborted);
            return list is null ? problems.From(error!) : TypedResults.Ok(list);
        });

        var signups = api.MapGroup("/signups/{id:guid}").RequireAuthorization(Auth.Api).WithTags("Sign-ups");
        signups.MapPost("/confirm", async Task<Results<Ok<SignupDto>, ProblemHttpResult>> (Guid id, SignupCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, errors) = await commands.ConfirmAsync(http.User.RequiredUserId(), id, http.RequestAborted);
            return dto is null ? problems.Of(errors) : TypedResults.Ok(dto);
        });

        signups.MapPost("/move", async Task<Results<Ok<SignupDto>, ProblemHttpResult>> (Guid id, MoveRequest body, SignupCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, errors) = await commands.MoveAsync(http.User.RequiredUserId(), id, body, http.RequestAborted);
            return dto is null ? problems.Of(errors) : TypedResults.Ok(dto);
        });

        signups.MapDelete("/", async Task<Results<Ok<SignupDto>, ProblemHttpResult>> (Guid id, SignupCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, errors) = await commands.CancelAsync(http.User.RequiredUserId(), id, http.RequestAborted);
            return dto is null ? problems.Of(errors) : TypedResults.Ok(dto);
        });

        signups.MapPost("/substitute-requests", async Task<Results<Created<SubstituteRequestDto>, Ok<SubstituteRequestDto>, ProblemHttpResult>> (
            Guid id, SubstituteCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, created, errors) = await commands.AskAsync(http.User.RequiredUserId(), id, http.RequestAborted);
            return dto is null ? problems.Of(errors) : created ? TypedResults.Created($"/api/v1/substitute-requests/{dto.Id}", dto) : TypedResults.Ok(dto);
        });

        var requests = api.MapGroup("/substitute-requests/{id:guid}").RequireAuthorization(Auth.Api).WithTags("Sign-ups");
        requests.MapPost("/accept", async Task<Results<Ok<SignupDto>, ProblemHttpResult>> (Guid id, SubstituteCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, errors) = await commands.AcceptAsync(http.User.RequiredUserId(), id, http.RequestAborted);
            return dto is null ? problems.Of(errors) : TypedResults.Ok(dto);
        });

        requests.MapDelete("/", async Task<Results<Ok<SubstituteRequestDto>, ProblemHttpResult>> (Guid id, SubstituteCommands commands, Problems problems, HttpContext http) =>
        {
            var (dto, errors) = await commands.WithdrawAsync(http.User.RequiredUserId(), id, http.RequestAborted);
            return dto is null ? problems.Of(errors) : TypedResults.Ok(dto);
        });
    }

    /// <summary>Organisation-scoped: the coordinators' list of open substitute requests.</summary>
    public static void MapSubstituteListApi(this RouteGroupBuilder org) =>
        org.MapGet("/substitute-requests", async Task<Results<Ok<IReadOnlyList<OpenSubstituteDto>>, ProblemHttpResult>> (
            CurrentOrg current, SubstituteCommands commands, Problems problems, HttpContext http) =>
            current.Context.Viewer.IsStaff
                ? TypedResults.Ok(await commands.OpenListAsync(current.Context, http.RequestAborted))
                : problems.From(Scheduling.ScheduleCommands.Forbidden)).WithTags("Sign-ups");

    private static Results<Created<SignupDto>, Ok<SignupDto>, ProblemHttpResult> Answer(SignupDto? dto, bool created, IReadOnlyList<Error> errors, Problems problems) =>
        dto is null ? problems.Of(errors) : created ? TypedResults.Created($"/api/v1/signups/{dto.Id}", dto) : TypedResults.Ok(dto);
}
