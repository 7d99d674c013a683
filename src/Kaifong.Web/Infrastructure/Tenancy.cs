using Kaifong.Data;
using Kaifong.Domain.Members;
using Kaifong.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Infrastructure;

/// <summary>The organisation a request is about, and the caller's active membership in it.</summary>
public sealed record OrgContext(Organisation Organisation, Membership Me, Viewer Viewer)
{
    public Guid Id => Organisation.Id;
    public string Slug => Organisation.Slug;
}

/// <summary>Holds the resolved organisation for the current request (set by <see cref="Tenancy"/>).</summary>
public sealed class CurrentOrg
{
    public OrgContext? Value { get; set; }
    public OrgContext Context => Value ?? throw new InvalidOperationException("No organisation was resolved for this request.");
}

public static class Tenancy
{
    /// <summary>
    /// The organisation with this slug, if the user is an active member; null otherwise, which callers answer with 404
    /// so another organisation's existence cannot be probed.
    /// </summary>
    public static async Task<OrgContext?> ResolveAsync(KaifongDb db, string? slug, Guid? userId, CancellationToken ct)
    {
        if (userId is null || string.IsNullOrEmpty(slug) || slug.Length > Domain.Common.Limits.Slug)
        {
            return null;
        }

        var found = await db.Organisations
            .Where(o => o.Slug == slug)
            .Select(o => new
            {
                Organisation = o,
                Me = db.Memberships.Include(m => m.Programmes)
                    .FirstOrDefault(m => m.OrganisationId == o.Id && m.UserId == userId && m.Status == MembershipStatus.Active),
            })
            .FirstOrDefaultAsync(ct);
        return found?.Me is null ? null : new OrgContext(found.Organisation, found.Me, Viewer.Of(found.Me));
    }

    /// <summary>Endpoint filter for /api/v1/organisations/{org}/…: resolves the organisation or answers 404.</summary>
    public static RouteGroupBuilder WithOrganisation(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var org = await ResolveAsync(
                http.RequestServices.GetRequiredService<KaifongDb>(), http.GetRouteValue("org") as string, http.User.UserId(), http.RequestAborted);
            if (org is null)
            {
                return http.RequestServices.GetRequiredService<Problems>().NotFound();
            }

            http.RequestServices.GetRequiredService<CurrentOrg>().Value = org;
            return await next(ctx);
        });
        return group;
    }
}
