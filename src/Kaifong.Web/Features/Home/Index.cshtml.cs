using Kaifong.Web.Features.Profile;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaifong.Web.Features.Home;

/// <summary>The front door: what Kaifong is for a visitor; one's organisations for a member.</summary>
public sealed class IndexModel(ProfileCommands profiles) : PageModel
{
    public bool SignedIn { get; private set; }
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<MyMembership> Memberships { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (User.UserId() is not { } id || await profiles.GetAsync(id, HttpContext.RequestAborted) is not { } me)
        {
            return;
        }

        SignedIn = true;
        DisplayName = me.DisplayName;
        Memberships = me.Memberships;
    }
}
