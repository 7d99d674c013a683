using System.Globalization;
using Kaifong.Data;
using Kaifong.Domain.Members;
using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;
using Kaifong.Messaging;
using Kaifong.Web.Features.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Signups;

/// <summary>
/// Assigned places past their confirm-by time, before the shift: each is reported once to the coordinators in scope (one
/// e-mail each, listing their places), and, when the organisation's policy says so, offered on as a substitute request
/// (origin Unconfirmed: the person keeps the place until someone takes it, and confirming withdraws the offer).
/// A conditional update marks each place reported, so several instances never report one twice.
/// </summary>
public sealed class UnconfirmedPlaces(
    KaifongDb db, TimeProvider time, MessageTemplates templates, Links links, SignupCommands signups, SubstituteOffers offers,
    CandidateQueries candidates, ScheduleNotices live)
{
    private const int Batch = 200;

    /// <summary>An Assigned place past its confirm-by time, as the coordinators' 替班 page lists it.</summary>
    public sealed record Overdue(Guid ShiftId, string Title, string Role, DateTimeOffset Start, DateTimeOffset End, string Person, DateTimeOffset ConfirmBy);

    /// <summary>The organisation's places past their confirm-by time, before their shift, in the viewer's scope, soonest first.</summary>
    public async Task<IReadOnlyList<Overdue>> OverdueAsync(OrgContext org, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(org);
        var now = time.GetUtcNow();
        var rows = await (
                from s in db.Signups.AsNoTracking()
                join sh in db.Shifts.AsNoTracking() on s.ShiftId equals sh.Id
                join a in db.Activities.AsNoTracking() on sh.ActivityId equals a.Id
                join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                where s.OrganisationId == org.Id && s.Status == SignupStatus.Assigned && s.ConfirmBy < now && !sh.Cancelled && sh.Start > now
                select new { sh.Id, a.Title, sh.Role, sh.Start, sh.End, sh.ProgrammeId, u.DisplayName, s.ConfirmBy })
            .ToListAsync(ct);
        return rows.Where(r => ScheduleCommands.CanManage(org.Viewer, r.ProgrammeId)).OrderBy(r => r.Start)
            .Select(r => new Overdue(r.Id, r.Title, r.Role, r.Start, r.End, r.DisplayName, r.ConfirmBy!.Value)).ToArray();
    }

    /// <summary>One pass; returns how many places were reported.</summary>
    public async Task<int> ReportAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await (
                from s in db.Signups.AsNoTracking()
                join sh in db.Shifts.AsNoTracking() on s.ShiftId equals sh.Id
                where s.Status == SignupStatus.Assigned && s.ConfirmBy < now && s.UnconfirmedReportedAt == null && !sh.Cancelled && sh.Start > now
                select new { s.Id, s.OrganisationId, s.UserId, s.ShiftId, sh.ProgrammeId, sh.Start })
            .Take(Batch).ToListAsync(ct);
        var reported = 0;
        foreach (var org in due.GroupBy(d => d.OrganisationId))
        {
            var mine = new List<(Guid ProgrammeId, DateTimeOffset Start, string Line)>();
            var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == org.Key, ct);
            var offered = 0;

            // One transaction per organisation: the places are marked, offered on and reported together, or not at all.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var place in org)
            {
                if (await db.Signups.Where(s => s.Id == place.Id && s.UnconfirmedReportedAt == null && s.Status == SignupStatus.Assigned)
                        .ExecuteUpdateAsync(u => u.SetProperty(s => s.UnconfirmedReportedAt, now), ct) == 0)
                {
                    continue;
                }

                var c = await signups.ContextAsync(place.UserId, place.ShiftId, ct);
                if (c is not null)
                {
                    var name = await db.Users.AsNoTracking().Where(u => u.Id == place.UserId).Select(u => u.DisplayName).FirstAsync(ct);
                    mine.Add((place.ProgrammeId, place.Start, $"{c.Activity.Title} · {c.Shift.Role} — {name}"));
                    if (organisation.OfferUnconfirmedPlaces)
                    {
                        var signup = await db.Signups.AsNoTracking().FirstAsync(s => s.Id == place.Id, ct);
                        var (_, count, _) = await offers.OpenAsync(c, signup, SubstituteOrigin.Unconfirmed, await candidates.GatherAsync(c, ct), ct);
                        offered += count;
                    }
                }

                reported++;
            }

            var told = mine.Count > 0 ? await TellCoordinatorsAsync(organisation, mine, now, ct) : 0;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            if (mine.Count > 0)
            {
                await live.PublishedAsync(organisation.Id, told + offered);
            }
        }

        return reported;
    }

    /// <summary>One e-mail to each admin and coordinator, listing the places in their scope, soonest first, in their language.</summary>
    private async Task<int> TellCoordinatorsAsync(
        Domain.Organisations.Organisation organisation, List<(Guid ProgrammeId, DateTimeOffset Start, string Line)> places, DateTimeOffset now, CancellationToken ct)
    {
        var staff = (await db.Memberships.AsNoTracking().Include(m => m.Programmes)
                .Where(m => m.OrganisationId == organisation.Id && m.Status == MembershipStatus.Active).ToListAsync(ct))
            .Where(m => Viewer.Of(m).IsStaff).ToList();
        var userIds = staff.Select(m => m.UserId).ToArray();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.Language, u.DisplayName }).ToListAsync(ct);
        var written = 0;
        foreach (var m in staff)
        {
            var person = people.FirstOrDefault(p => p.Id == m.UserId);
            var inScope = places.Where(p => ScheduleCommands.CanManage(Viewer.Of(m), p.ProgrammeId)).OrderBy(p => p.Start).ToList();
            if (person?.Email is null || inScope.Count == 0)
            {
                continue;
            }

            var culture = CultureInfo.GetCultureInfo(person.Language);
            var lines = string.Join("\n", inScope.Select(p => $"• {TimeZoneInfo.ConvertTime(p.Start, organisation.Zone).ToString("g", culture)} {p.Line}"));
            var message = templates.Render(MessageKinds.UnconfirmedPlaces, person.Language, new
            {
                displayName = person.DisplayName,
                organisationName = organisation.Name,
                count = inScope.Count,
                lines,
                offered = organisation.OfferUnconfirmedPlaces,
                link = links.Absolute($"/o/{organisation.Slug}/substitutes"),
            });
            OutboxWriter.EnqueueEmail(db, time, organisation.Id, MessageKinds.UnconfirmedPlaces, person.Email, message, $"{MessageKinds.UnconfirmedPlaces}:{m.Id}:{now.UtcTicks}");
            written++;
        }

        return written;
    }
}

/// <summary>Runs <see cref="UnconfirmedPlaces.ReportAsync"/> every ten minutes (by <see cref="TimeProvider"/>).</summary>
public sealed class UnconfirmedPlacesWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<UnconfirmedPlacesWorker> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, time, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var reported = await scope.ServiceProvider.GetRequiredService<UnconfirmedPlaces>().ReportAsync(stoppingToken);
                if (reported > 0)
                {
                    log.LogInformation("Reported {Count} unconfirmed places to their coordinators", reported);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Reporting unconfirmed places failed; trying again in ten minutes");
            }
        }
    }
}
