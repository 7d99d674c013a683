using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Scheduling.Volunteer;

/// <summary>The person's secret calendar subscription URL, with how to add it on a phone, and a way to make a new one.</summary>
public sealed class CalendarFeedModel(CalendarFeeds feeds, IStringLocalizer<SharedResource> l) : PageModel
{
    public string FeedUrl { get; private set; } = "";

    /// <summary>webcal:// opens the phone's calendar app straight away.</summary>
    public string WebcalUrl => "webcal://" + FeedUrl[(FeedUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];

    public async Task OnGetAsync() => FeedUrl = await feeds.PersonalUrlAsync(User.RequiredUserId(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        await feeds.RevokePersonalAsync(User.RequiredUserId(), HttpContext.RequestAborted);
        TempData["Flash"] = l["Feed.ResetDone"].Value;
        return RedirectToPage();
    }
}
