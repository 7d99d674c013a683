using Kaifong.Data;
using Kaifong.Domain.Calendar;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.Organisations;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Scheduling;

/// <summary>
/// iCalendar subscriptions. Calendar apps cannot send tokens, so each feed has a secret URL (/calendar/{token}.ics) that
/// its owner can revoke. A person's feed holds their own shifts across organisations; a coordinator's programme feed holds
/// the programme's shifts with their fill state. Access is checked again on every fetch.
/// </summary>
public sealed class CalendarFeeds(KaifongDb db, TimeProvider time, Links links, ScheduleQueries queries, IStringLocalizer<SharedResource> l)
{
    /// <summary>How far back and ahead a feed reaches.</summary>
    public static readonly TimeSpan Past = TimeSpan.FromDays(60);
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(400);

    public static string Path(string token) => $"/calendar/{token}.ics";

    public async Task<string> PersonalUrlAsync(Guid userId, CancellationToken ct) =>
        links.Absolute(Path(await TokenAsync(userId, null, null, ct)));

    public async Task RevokePersonalAsync(Guid userId, CancellationToken ct) =>
        await db.CalendarFeeds.Where(f => f.UserId == userId && f.OrganisationId == null && f.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.RevokedAt, time.GetUtcNow()), ct);

    /// <summary>A programme's feed for a coordinator in scope; null when the programme is not theirs to see.</summary>
    public async Task<string?> ProgrammeUrlAsync(OrgContext org, Guid programmeId, CancellationToken ct)
    {
        if (!ScheduleCommands.CanManage(org.Viewer, programmeId)
            || !await db.Programmes.AnyAsync(p => p.Id == programmeId && p.OrganisationId == org.Id, ct))
        {
            return null;
        }

        return links.Absolute(Path(await TokenAsync(org.Me.UserId, org.Id, programmeId, ct)));
    }

    public async Task RevokeProgrammeAsync(OrgContext org, Guid programmeId, CancellationToken ct) =>
        await db.CalendarFeeds.Where(f => f.UserId == org.Me.UserId && f.OrganisationId == org.Id && f.ProgrammeId == programmeId && f.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.RevokedAt, time.GetUtcNow()), ct);

    /// <summary>The feed's calendar, or null when the token is unknown, revoked, or its owner no longer has access.</summary>
    public async Task<string?> RenderAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }

        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Token == token && f.RevokedAt == null, ct);
        var user = feed is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == feed.UserId, ct);
        if (feed is null || user is null)
        {
            return null;
        }

        var language = Languages.Normalise(user.Language) ?? Languages.Default;
        var now = time.GetUtcNow();
        var stamp = now;
        if (feed.OrganisationId is null)
        {
            var shifts = await queries.MyShiftsAsync(user.Id, now - Past, now + Ahead, ct);
            var zone = shifts.Count > 0 && await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == shifts[0].Organisation, ct) is { } first
                ? first.TimeZone : OrganisationRules.DefaultTimeZone;
            var events = shifts.Select(s => Event(s, Summary(s, language, mine: true), stamp, s.Organisation!));
            return ICalendarWriter.Write(l.WithLanguage(language, "Feed.MyShifts"), zone, events);
        }

        var org = await Tenancy.ResolveAsync(db, await db.Organisations.Where(o => o.Id == feed.OrganisationId).Select(o => o.Slug).FirstOrDefaultAsync(ct), user.Id, ct);
        if (org is null || feed.ProgrammeId is not { } programmeId || !ScheduleCommands.CanManage(org.Viewer, programmeId))
        {
            return null;
        }

        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == programmeId, ct);
        var zoneInfo = org.Organisation.Zone;
        var from = DateOnly.FromDateTime(ZonedTime.ToLocal(now - Past, zoneInfo));
        var list = await queries.ShiftsAsync(org, new ShiftFilter(from, from.AddDays((int)(Past + Ahead).TotalDays), programmeId, IncludeCancelled: true), ct);
        return ICalendarWriter.Write(programme.Name, org.Organisation.TimeZone, list.Select(s => Event(s, Summary(s, language, mine: false), stamp, org.Slug)));
    }

    /// <summary>"Add to calendar" for one shift: a one-event calendar in the reader's language.</summary>
    public string Single(OrgContext org, ShiftDto shift) =>
        ICalendarWriter.Write(shift.Title, org.Organisation.TimeZone, [Event(shift, Summary(shift, Localisation.CurrentLanguage, mine: true), time.GetUtcNow(), org.Slug)]);

    private FeedEvent Event(ShiftDto s, string summary, DateTimeOffset stamp, string slug) =>
        new($"shift-{s.Id:N}@kaifong", s.Sequence, s.Start, s.End, summary, s.Venue, s.Role, s.Cancelled, links.Absolute($"/o/{slug}/shifts/{s.Id}"), stamp);

    /// <summary>SUMMARY in the owner's language: "長者送飯 · 司機", marked when waitlisted or cancelled; programme feeds add the fill state.</summary>
    private string Summary(ShiftDto s, string language, bool mine)
    {
        var text = $"{s.Title} · {s.Role}";
        if (mine && s.MyStatus is SignupStatus.Waitlisted or SignupStatus.Standby)
        {
            text += " " + l.WithLanguage(language, "Feed.Waitlisted");
        }

        if (!mine && !s.Cancelled)
        {
            text += $" ({l.WithLanguage(language, StateKey(s.State))} {s.Assigned}/{s.Target})";
        }

        return s.Cancelled ? l.WithLanguage(language, "Feed.Cancelled") + text : text;
    }

    /// <summary>The resource key of a fill state's word (State.Gap 缺人 …).</summary>
    public static string StateKey(FillState state) => $"State.{state}";

    private async Task<string> TokenAsync(Guid userId, Guid? organisationId, Guid? programmeId, CancellationToken ct)
    {
        var existing = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.UserId == userId && f.OrganisationId == organisationId && f.ProgrammeId == programmeId && f.RevokedAt == null)
            .Select(f => f.Token).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        var feed = new CalendarFeed
        {
            Id = Ids.New(time), UserId = userId, OrganisationId = organisationId, ProgrammeId = programmeId,
            Token = Tokens.NewUrlToken(24), CreatedAt = time.GetUtcNow(),
        };
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return feed.Token;
    }
}
