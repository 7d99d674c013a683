using Kaifong.Data;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Kaifong.Web.Features.Scheduling;

/// <summary>
/// Live updates: a calendar, Gantt board or list joins its organisation's group and hears "shiftsChanged" whenever a shift
/// changes, then fetches again. Only active members may join; with Redis configured, messages cross instances.
/// </summary>
[Authorize]
public sealed class ScheduleHub(KaifongDb db) : Hub
{
    public const string Path = "/hubs/schedule";

    public static string Group(Guid organisationId) => "org:" + organisationId.ToString("N");

    /// <summary>A page connects to /hubs/schedule?org={slug}: it joins that organisation's group if the caller is an active member.</summary>
    public override async Task OnConnectedAsync()
    {
        if (Context.GetHttpContext()?.Request.Query["org"].ToString() is { Length: > 0 } slug)
        {
            await Join(slug);
        }

        await base.OnConnectedAsync();
    }

    public async Task<bool> Join(string slug)
    {
        var org = await Tenancy.ResolveAsync(db, slug, Context.User?.UserId(), Context.ConnectionAborted);
        if (org is null)
        {
            return false;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(org.Id), Context.ConnectionAborted);
        return true;
    }
}
