using Kaifong.Data;
using Kaifong.Domain.Members;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Invitations;

public static class InvitationEndpoints
{
    /// <summary>/api/v1/invitations/{token}: look at a link (anyone holding it) and accept it (signed in).</summary>
    public static void MapInvitationApi(this RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("/invitations").WithTags("Invitations");

        invitations.MapGet("/{token}", async Task<Results<Ok<InvitationPreview>, ProblemHttpResult>> (
            string token, InvitationCommands commands, Problems problems, IStringLocalizer<SharedResource> l, HttpContext http) =>
        {
            var found = await commands.FindAsync(token, http.RequestAborted);
            if (!found.IsSuccess)
            {
                return problems.From(found.Error!);
            }

            var (i, o) = found.Value;
            return TypedResults.Ok(new InvitationPreview(o.Name, o.Slug, i.Role.ToString(), i.RequiresApproval, i.ExpiresAt, Pics.For(o, Localisation.CurrentLanguage, l)));
        });

        invitations.MapPost("/{token}/accept", async Task<Results<Ok<AcceptResponse>, ProblemHttpResult>> (
            string token, InvitationCommands commands, UserManager<KaifongUser> users, Problems problems, HttpContext http) =>
        {
            var user = await users.GetUserAsync(http.User);
            if (user is null)
            {
                return problems.NotFound();
            }

            var result = await commands.AcceptAsync(token, user, http.RequestAborted);
            return result.Value is { } ok ? TypedResults.Ok(ok) : problems.From(result.Error!);
        }).RequireAuthorization(Auth.Api);
    }

    /// <summary>/api/v1/organisations/{org}/invitations: create, list and revoke (admins, and coordinators for their programmes).</summary>
    public static void MapInvitationAdminApi(this RouteGroupBuilder org)
    {
        var invitations = org.MapGroup("/invitations").WithTags("Invitations");

        invitations.MapPost("/", async Task<Results<Created<InvitationCreated>, ProblemHttpResult>> (
            CreateInvitationRequest body, CurrentOrg current, InvitationCommands commands, Problems problems, TwoFactorGate gate, HttpContext http) =>
        {
            if (!current.Context.Viewer.IsStaff)
            {
                return problems.Forbidden();
            }

            if (await gate.MustSetUpAsync(current.Context, http.User))
            {
                return problems.From(MembershipErrors.TwoFactorRequired);
            }

            var result = await commands.CreateAsync(current.Context, body, http.RequestAborted);
            return result.Value is { } created ? TypedResults.Created(created.Url, created) : problems.From(result.Error!);
        });

        invitations.MapGet("/", async Task<Results<Ok<IReadOnlyList<InvitationDto>>, ProblemHttpResult>> (
            CurrentOrg current, InvitationCommands commands, Problems problems, HttpContext http) =>
            current.Context.Viewer.IsStaff ? TypedResults.Ok(await commands.ListAsync(current.Context, http.RequestAborted)) : problems.Forbidden());

        invitations.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
            Guid id, CurrentOrg current, InvitationCommands commands, Problems problems, HttpContext http) =>
        {
            if (!current.Context.Viewer.IsStaff)
            {
                return problems.Forbidden();
            }

            return await commands.RevokeAsync(current.Context, id, http.RequestAborted) is { } error ? problems.From(error) : TypedResults.NoContent();
        });
    }
}
