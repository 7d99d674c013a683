using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Organisations;

public static class OrganisationEndpoints
{
    /// <summary>POST /api/v1/organisations: anyone signed in may start an organisation and becomes its admin.</summary>
    public static void MapOrganisationApi(this RouteGroupBuilder organisations)
    {
        organisations.MapPost("/", async Task<Results<Created<OrganisationDto>, ProblemHttpResult>> (
            CreateOrganisationRequest body, HttpContext http, OrganisationCommands commands, Problems problems) =>
        {
            var (org, errors) = await commands.CreateAsync(http.User.RequiredUserId(), body, http.RequestAborted);
            return org is null
                ? (errors.Any(e => e.Kind == ErrorKind.Conflict) ? problems.From(errors.First(e => e.Kind == ErrorKind.Conflict)) : problems.Validation(errors))
                : TypedResults.Created($"/api/v1/organisations/{org.Slug}", OrganisationCommands.ToDto(org));
        }).RequireAuthorization(Auth.Api).WithTags("Organisations");
    }

    /// <summary>/api/v1/organisations/{org}/…: the organisation itself, its settings, PICS and programmes.</summary>
    public static void MapOrganisationScopedApi(this RouteGroupBuilder org)
    {
        org.WithTags("Organisations");
        org.MapGet("/", (CurrentOrg current) => TypedResults.Ok(OrganisationCommands.ToDto(current.Context.Organisation)));

        org.MapPut("/", async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> (
            UpdateOrganisationRequest body, CurrentOrg current, OrganisationCommands commands, Problems problems, TwoFactorGate gate, HttpContext http) =>
        {
            if (await gate.AdminCheckAsync(current.Context, http.User) is { } stop)
            {
                return problems.From(stop);
            }

            var errors = await commands.UpdateAsync(current.Context, body, http.RequestAborted);
            return errors.Count > 0 ? problems.Validation(errors) : TypedResults.Ok(OrganisationCommands.ToDto(current.Context.Organisation));
        });

        org.MapGet("/pics", (CurrentOrg current, IStringLocalizer<SharedResource> l) =>
        {
            var lang = Localisation.CurrentLanguage;
            var custom = current.Context.Organisation.CustomPics(lang);
            return TypedResults.Ok(new PicsDto(lang, Pics.For(current.Context.Organisation, lang, l), custom is not null));
        });

        org.MapPut("/pics", async Task<Results<NoContent, ProblemHttpResult>> (
            PicsRequest body, CurrentOrg current, OrganisationCommands commands, Problems problems, TwoFactorGate gate, HttpContext http) =>
        {
            if (await gate.AdminCheckAsync(current.Context, http.User) is { } stop)
            {
                return problems.From(stop);
            }

            var errors = await commands.SetPicsAsync(current.Context, body.Language, body.Text, http.RequestAborted);
            return errors.Count > 0 ? problems.Validation(errors) : TypedResults.NoContent();
        });

        org.MapGet("/programmes", async (CurrentOrg current, OrganisationCommands commands, HttpContext http) =>
            TypedResults.Ok(await commands.ProgrammesAsync(current.Context.Id, http.RequestAborted)));

        org.MapPost("/programmes", async Task<Results<Created<ProgrammeDto>, ProblemHttpResult>> (
            ProgrammeRequest body, CurrentOrg current, OrganisationCommands commands, Problems problems, HttpContext http) =>
        {
            if (!MemberAccess.CanManageOrganisation(current.Context.Viewer) && !current.Context.Viewer.IsCoordinator)
            {
                return problems.Forbidden();
            }

            var result = await commands.AddProgrammeAsync(current.Context, body.Name, http.RequestAborted);
            return result.Value is { } p
                ? TypedResults.Created($"/api/v1/organisations/{current.Context.Slug}/programmes/{p.Id}", new ProgrammeDto(p.Id, p.Name))
                : problems.From(result.Error!);
        });
    }
}
