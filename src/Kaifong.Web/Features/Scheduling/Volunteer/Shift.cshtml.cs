using System.Text;
using Kaifong.Data;
using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Features.Signups;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Scheduling.Volunteer;

/// <summary>一個班次: when, where, how full (counts only: who is on it is for the lead and coordinators), and "add to calendar".</summary>
public sealed class ShiftModel(
    ScheduleQueries queries, CalendarFeeds feeds, KaifongDb db, SignupCommands signups, SubstituteCommands substitutes, ParticipantQueries participants,
    CandidateQueries candidates, Problems problems, IStringLocalizer<SharedResource> l, TimeProvider time)
    : OrgPageModel
{
    /// <summary>How many of the ranked "who can fill this" the page lists.</summary>
    public const int CandidatesShown = 10;

    /// <summary>The caller's own open substitute request (尋找替班中) and how many were asked.</summary>
    public Domain.Signups.SubstituteRequest? MyRequest { get; private set; }
    public int OfferedCount { get; private set; }

    /// <summary>Someone else's open request on this shift, which the caller may take (接替).</summary>
    public Domain.Signups.SubstituteRequest? OtherRequest { get; private set; }

    /// <summary>The lead and coordinators in scope: who is on it (contact details; the look is audited).</summary>
    public IReadOnlyList<ParticipantDto>? Participants { get; private set; }

    /// <summary>Coordinators in scope: 邊個可以填, best first.</summary>
    public IReadOnlyList<Domain.Signups.FillCandidate>? Candidates { get; private set; }
    public Domain.People.District? ShiftDistrict { get; private set; }

    /// <summary>The registration form's questions, asked (with the PICS) before the sign-up when the activity type has any.</summary>
    public IReadOnlyList<FormField> Questions { get; private set; } = [];
    public Guid? MySignupId { get; private set; }
    public string PicsText { get; private set; } = "";
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Not cancelled and not started: sign-up, confirming and cancelling are still possible.</summary>
    public bool Open { get; private set; }

    /// <summary>Showing the questions (the first tap of 報名 when there is a form).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Join { get; set; }

    public ShiftDto Shift { get; private set; } = null!;
    public IReadOnlyList<string> RequiredSkills { get; private set; } = [];
    public bool Outdoor { get; private set; }
    public string? Notes { get; private set; }
    public SignupStatus? MyStatus { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>"加入日曆": a one-event calendar file for this shift.</summary>
    public async Task<IActionResult> OnGetIcsAsync(Guid id) =>
        await LoadAsync(id)
            ? File(Encoding.UTF8.GetBytes(feeds.Single(Org, Shift)), "text/calendar; charset=utf-8", $"kaifong-{Shift.Start:yyyyMMdd-HHmm}.ics")
            : NotFound();

    /// <summary>報名 (or 加入候補 when full): with the form's answers when it has questions.</summary>
    public async Task<IActionResult> OnPostSignupAsync(Guid id, Dictionary<string, string?>? answers)
    {
        var (dto, _, errors) = await signups.SignUpAsync(User.RequiredUserId(), id, new SignupRequest(answers), HttpContext.RequestAborted);
        return await AfterAsync(id, errors, dto is null ? null : l[dto.Status == SignupStatus.Waitlisted ? "Signup.DoneWaitlisted" : "Signup.Done"].Value, join: true);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid signupId)
    {
        var (dto, errors) = await signups.ConfirmAsync(User.RequiredUserId(), signupId, HttpContext.RequestAborted);
        return await AfterAsync(id, errors, dto is null ? null : l["Signup.ConfirmedDone"].Value);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, Guid signupId)
    {
        var (dto, errors) = await signups.CancelAsync(User.RequiredUserId(), signupId, HttpContext.RequestAborted);
        return await AfterAsync(id, errors, dto is null ? null : l[dto.LateCancellation ? "Signup.CancelledLate" : "Signup.CancelledDone"].Value);
    }

    /// <summary>尋找替班: ask for someone to take my place.</summary>
    public async Task<IActionResult> OnPostSubstituteAsync(Guid id, Guid signupId)
    {
        var (dto, _, errors) = await substitutes.AskAsync(User.RequiredUserId(), signupId, HttpContext.RequestAborted);
        return await AfterAsync(id, errors, dto is null ? null : l["Substitute.AskedDone", dto.Offered].Value);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid requestId)
    {
        var (dto, errors) = await substitutes.WithdrawAsync(User.RequiredUserId(), requestId, HttpContext.RequestAborted);
        return await AfterAsync(id, errors, dto is null ? null : l["Substitute.WithdrawnDone"].Value);
    }

    /// <summary>接替此班次: take the place someone is giving up.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid requestId)
    {
        var (dto, errors) = await substitutes.AcceptAsync(User.RequiredUserId(), requestId, HttpContext.RequestAborted);
        return await AfterAsync(id, errors, dto is null ? null : l["Substitute.AcceptedDone"].Value);
    }

    /// <summary>A coordinator takes someone off the shift (their place goes to the waitlist, as any cancellation).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid signupId)
    {
        var (dto, errors) = await signups.CancelAsync(User.RequiredUserId(), signupId, HttpContext.RequestAborted);
        return await AfterAsync(id, errors, dto is null ? null : l["Participants.Removed"].Value);
    }

    /// <summary>編更所選: several ticked people at once, each answered on their own (the page says who could not be placed and why).</summary>
    public async Task<IActionResult> OnPostAssignManyAsync(Guid id, List<Guid>? membershipIds)
    {
        var (results, errors) = await signups.AssignManyAsync(
            User.RequiredUserId(), id, new BulkAssignmentRequest(membershipIds ?? [], null), problems.Text, HttpContext.RequestAborted);
        if (results is null)
        {
            return await AfterAsync(id, errors, null);
        }

        var placed = results.Count(r => r.Signup is not null);
        var refused = results.Where(r => r.Message is not null).Select(r => r.Message!).Distinct().ToArray();
        TempData["Flash"] = refused.Length == 0
            ? l["Candidates.AssignedMany", placed].Value
            : l["Candidates.AssignedSome", placed, results.Count - placed, string.Join("；", refused)].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>編更 from the "who can fill this" list (a reason when a limit is overridden).</summary>
    public async Task<IActionResult> OnPostAssignAsync(Guid id, Guid membershipId, string? reason)
    {
        var (dto, _, errors) = await signups.AssignAsync(User.RequiredUserId(), id, new AssignmentRequest(membershipId, reason), HttpContext.RequestAborted);
        return await AfterAsync(id, errors, dto is null ? null : l["Signup.AssignedDone"].Value);
    }

    /// <summary>Done: back to the page with a flash (so a reload posts nothing). Refused: the page again with the reason.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, IReadOnlyList<Kaifong.Domain.Common.Error> errors, string? flash, bool join = false)
    {
        if (errors.Count == 0)
        {
            TempData["Flash"] = flash;
            return RedirectToPage(new { id });
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Errors = errors.Select(problems.Text).Distinct().ToArray();
        Join = join && Questions.Count > 0;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await queries.ShiftAsync(Org, id, HttpContext.RequestAborted) is not { } found)
        {
            return false;
        }

        (Shift, var activity, _) = found;
        var typeSkills = activity.ActivityTypeId is { } typeId
            ? await db.ActivityTypes.AsNoTracking().Where(t => t.Id == typeId).Select(t => t.RequiredSkills).FirstOrDefaultAsync(HttpContext.RequestAborted) ?? []
            : [];
        var shiftSkills = await db.Shifts.AsNoTracking().Where(s => s.Id == id).Select(s => s.RequiredSkills).FirstAsync(HttpContext.RequestAborted);
        RequiredSkills = shiftSkills.Concat(typeSkills).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        Outdoor = activity.Outdoor;
        Notes = activity.Notes;
        var mine = await db.Signups.AsNoTracking().Where(s => s.ShiftId == id && s.MembershipId == Org.Me.Id)
            .Select(s => new { s.Id, s.Status }).FirstOrDefaultAsync(HttpContext.RequestAborted);
        MyStatus = mine?.Status;
        MySignupId = mine?.Id;
        Questions = activity.ActivityTypeId is { } formType
            ? await db.ActivityTypes.AsNoTracking().Where(t => t.Id == formType).Select(t => t.Form).FirstOrDefaultAsync(HttpContext.RequestAborted) ?? []
            : [];
        PicsText = Pics.For(Org.Organisation, Localisation.CurrentLanguage, l);
        Open = !Shift.Cancelled && Shift.Start > time.GetUtcNow();
        ShiftDistrict = activity.District;
        var requests = Open ? await substitutes.OpenOnShiftAsync(id, HttpContext.RequestAborted) : [];
        MyRequest = requests.FirstOrDefault(r => r.RequestedByMembershipId == Org.Me.Id);
        OtherRequest = requests.FirstOrDefault(r => r.RequestedByMembershipId != Org.Me.Id);
        OfferedCount = MyRequest is null ? 0 : await db.SubstituteOffers.CountAsync(o => o.RequestId == MyRequest.Id, HttpContext.RequestAborted);
        var manages = ScheduleCommands.CanManage(Org.Viewer, activity.ProgrammeId);
        if ((activity.LeadMembershipId == Org.Me.Id || manages)
            && await signups.ContextAsync(User.RequiredUserId(), id, HttpContext.RequestAborted) is { } context)
        {
            (Participants, _) = await participants.ListAsync(context, HttpContext.RequestAborted);
            if (Open && manages)
            {
                Candidates = Domain.Signups.FillCandidates.Rank(await candidates.GatherAsync(context, HttpContext.RequestAborted, context.Viewer), activity.District, CandidatesShown);
            }
        }

        return true;
    }
}
