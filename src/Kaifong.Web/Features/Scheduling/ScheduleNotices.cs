using System.Globalization;
using Kaifong.Data;
using Kaifong.Domain.Scheduling;
using Kaifong.Messaging;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Scheduling;

/// <summary>
/// What a scheduling change must tell people. Commands record changed and cancelled shifts here; <see cref="WriteAsync"/>
/// adds one outbox e-mail per person holding such a shift, in their language, to the same unit of work, so the change and
/// its notices commit together. After the save, <see cref="Published"/> tells open calendars to refresh.
/// </summary>
public sealed class ScheduleNotices(
    KaifongDb db, MessageTemplates templates, OutboxSignal signal, Links links, IHubContext<ScheduleHub> hub, TimeProvider time)
{
    private readonly List<(Shift Shift, string Kind, DateTimeOffset? PreviousStart)> pending = [];

    public void Changed(Shift shift, DateTimeOffset? previousStart) => pending.Add((shift, MessageKinds.ShiftChanged, previousStart));

    public void Cancelled(Shift shift) => pending.Add((shift, MessageKinds.ShiftCancelled, null));

    public int Pending => pending.Count;

    /// <summary>Adds the notices to the context (the caller saves). Returns how many messages were written.</summary>
    public async Task<int> WriteAsync(OrgContext org, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(org);
        if (pending.Count == 0)
        {
            return 0;
        }

        // The last word on each shift wins: a change followed by a cancellation is a cancellation.
        var latest = pending.GroupBy(p => p.Shift.Id).Select(g => g.Last()).ToList();
        pending.Clear();
        var ids = latest.Select(p => p.Shift.Id).ToArray();
        var holders = await (
                from s in db.Signups.AsNoTracking()
                join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                where ids.Contains(s.ShiftId) && SignupStatuses.OnMyList.Contains(s.Status)
                select new { s.Id, s.ShiftId, u.Email, u.Language, u.DisplayName })
            .ToListAsync(ct);
        var written = 0;
        foreach (var (shift, kind, previous) in latest)
        {
            var activity = db.Activities.Local.FirstOrDefault(a => a.Id == shift.ActivityId)
                ?? await db.Activities.AsNoTracking().FirstAsync(a => a.Id == shift.ActivityId, ct);
            var occurrence = db.Occurrences.Local.FirstOrDefault(o => o.Id == shift.OccurrenceId);
            foreach (var h in holders.Where(h => h.ShiftId == shift.Id && !string.IsNullOrEmpty(h.Email)))
            {
                var key = $"{kind}:{shift.Id}:{shift.Sequence}:{h.Id}";
                if (await OutboxWriter.ExistsAsync(db, key, ct))
                {
                    continue;
                }

                var culture = CultureInfo.GetCultureInfo(h.Language);
                var message = templates.Render(kind, h.Language, new
                {
                    displayName = h.DisplayName,
                    organisationName = org.Organisation.Name,
                    title = activity.Title,
                    role = shift.Role,
                    when = ShiftTimes.Format(shift.Start, shift.End, org.Organisation.Zone, culture),
                    previous = previous is { } p && p != shift.Start ? ShiftTimes.Format(p, p + (shift.End - shift.Start), org.Organisation.Zone, culture) : "",
                    venue = occurrence?.Venue ?? activity.Venue ?? "",
                    link = links.Absolute(kind == MessageKinds.ShiftCancelled ? "/me/shifts" : $"/o/{org.Slug}/shifts/{shift.Id}"),
                });
                OutboxWriter.EnqueueEmail(db, time, org.Id, kind, h.Email!, message, key);
                written++;
            }
        }

        return written;
    }

    /// <summary>After the save: wake the outbox worker and tell every open calendar of the organisation to refresh.</summary>
    public async Task PublishedAsync(Guid organisationId, int messages)
    {
        if (messages > 0)
        {
            signal.Notify();
        }

        await hub.Clients.Group(ScheduleHub.Group(organisationId)).SendAsync("shiftsChanged", CancellationToken.None);
    }
}

/// <summary>A shift's time as people read it: "2026年12月1日 (星期二) 09:00–12:00" in their culture and the organisation's zone.</summary>
public static class ShiftTimes
{
    public static string Format(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return FormatLocal(TimeZoneInfo.ConvertTime(start, zone), TimeZoneInfo.ConvertTime(end, zone), culture);
    }

    /// <summary>"09:00–12:00" (the end's date too when it is another day), for lists already grouped by day.</summary>
    public static string Hours(DateTimeOffset s, DateTimeOffset e, CultureInfo culture) =>
        $"{s.ToString("HH:mm", culture)}–{(e.Date == s.Date ? e.ToString("HH:mm", culture) : e.ToString("d HH:mm", culture))}";

    /// <summary>The same, for instants that already carry the organisation's offset (as the lists give them).</summary>
    public static string FormatLocal(DateTimeOffset s, DateTimeOffset e, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var pattern = culture.DateTimeFormat.LongDatePattern;
        var date = s.ToString(pattern, culture) + (pattern.Contains("dddd", StringComparison.Ordinal) ? "" : " (" + s.ToString("ddd", culture) + ")");
        var endText = e.Date == s.Date ? e.ToString("HH:mm", culture) : e.ToString("d HH:mm", culture);
        return $"{date} {s.ToString("HH:mm", culture)}–{endText}";
    }
}
