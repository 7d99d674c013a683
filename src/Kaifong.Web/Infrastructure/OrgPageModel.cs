using Kaifong.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaifong.Web.Infrastructure;

/// <summary>
/// Base for pages under /o/{org}/: resolves the organisation and the caller's active membership, or answers 404
/// (never 403, so another organisation's pages cannot be probed). Staff-only and admin-only pages say so.
/// </summary>
public abstract class OrgPageModel : PageModel
{
    protected enum Need
    {
        Member,
        Staff,
        Admin,
    }

    protected virtual Need Requires => Need.Member;

    public OrgContext Org { get; private set; } = null!;

    public bool RemindTwoFactor { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var services = HttpContext.RequestServices;
        var org = await Tenancy.ResolveAsync(services.GetRequiredService<KaifongDb>(), RouteData.Values["org"] as string, User.UserId(), HttpContext.RequestAborted);
        if (org is null)
        {
            context.Result = NotFound();
            return;
        }

        Org = org;
        services.GetRequiredService<CurrentOrg>().Value = org;
        ViewData["Org"] = org;
        var gate = services.GetRequiredService<TwoFactorGate>();
        if (Requires == Need.Staff && !org.Viewer.IsStaff || Requires == Need.Admin && !org.Viewer.IsAdmin)
        {
            context.Result = Forbid();
            return;
        }

        if (Requires == Need.Admin && await gate.MustSetUpAsync(org, User))
        {
            context.Result = RedirectToPage("/Account/TwoFactor", new { returnUrl = Request.Path.Value, required = true });
            return;
        }

        RemindTwoFactor = await gate.ShouldRemindAsync(org, User);
        await next();
    }

    /// <summary>htmx swaps a partial; a plain browser gets the whole page again (works without JavaScript).</summary>
    protected bool IsHtmx => Request.Headers.ContainsKey("HX-Request");
}
