using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaifong.Web.Features.Profile;

public static class MeEndpoints
{
    public static void MapMeApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").RequireAuthorization(Auth.Api).WithTags("Me");

        me.MapGet("/", async Task<Results<Ok<MeDto>, ProblemHttpResult>> (HttpContext http, ProfileCommands profiles, Problems problems) =>
            await profiles.GetAsync(http.User.RequiredUserId(), http.RequestAborted) is { } dto ? TypedResults.Ok(dto) : problems.NotFound());

        me.MapPut("/profile", async Task<Results<Ok<MeDto>, ProblemHttpResult>> (
            ProfileRequest body, HttpContext http, ProfileCommands profiles, Problems problems) =>
        {
            var (user, errors) = await profiles.UpdateAsync(http.User.RequiredUserId(), body, http.RequestAborted);
            if (user is null)
            {
                return problems.Validation(errors);
            }

            return TypedResults.Ok((await profiles.GetAsync(user.Id, http.RequestAborted))!);
        });
    }
}
