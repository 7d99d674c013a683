using System.Globalization;
using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.People;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Scheduling;

/// <summary>
/// Creating, changing and cancelling activities and their occurrences; used by the pages and the API alike. Every change
/// to a shift people hold writes their notices to the outbox in the same save (<see cref="ScheduleNotices"/>).
/// </summary>
public sealed class ScheduleCommands(KaifongDb db, TimeProvider time, ScheduleNotices notices, ScheduleQueries queries)
{
    /// <summary>The activity a series edit ended on (the new half of a split, else the activity itself).</summary>
    private Guid targetId;

    public static readonly Error Forbidden = new("forbidden", "Error.Forbidden", ErrorKind.Forbidden);
    public static readonly Error NotFound = new("not_found", "Error.NotFound", ErrorKind.NotFound);

    /// <summary>Staff may manage a programme's activities when it is in their scope (admins and organisation-wide coordinators: all).</summary>
    public static bool CanManage(Viewer v, Guid programmeId) => v.IsStaff && (v.Scope is null || v.Scope.Contains(programmeId));

    public async Task<(CreatedActivityDto? Value, IReadOnlyList<Error> Errors)> CreateAsync(OrgContext org, ActivityInput input, CancellationToken ct)
    {
        if (!org.Viewer.IsStaff)
        {
            return (null, [Forbidden]);
        }

        var zone = org.Organisation.Zone;
        var (valid, errors) = ActivityRules.Validate(input, zone);
        if (valid is null)
        {
            return (null, errors);
        }

        var refErrors = await CheckReferencesAsync(org, valid, ct);
        if (ZonedTime.ToUtc(valid.Start, zone) <= time.GetUtcNow())
        {
            refErrors.Add(SchedulingErrors.StartInPast);
        }

        if (refErrors.Count > 0)
        {
            return (null, refErrors);
        }

        var now = time.GetUtcNow();
        var activity = new Activity
        {
            Id = Ids.New(time),
            OrganisationId = org.Id,
            Title = valid.Title,
            CreatedAt = now,
        };
        Apply(activity, valid, now);
        db.Activities.Add(activity);
        var created = Materialise(activity, zone);
        await db.SaveChangesAsync(ct);
        await notices.PublishedAsync(org.Id, 0);
        return (new CreatedActivityDto(activity.Id, created.Select(c => queries.ToDto(c.Occurrence, c.Shifts, activity, zone)).ToArray()), []);
    }

    /// <summary>
    /// Changes an activity. For a series, <c>scope</c> says which occurrences: <c>this</c> (one date: its time and venue),
    /// <c>following</c> (that date on: the series is split in two) or <c>all</c> (every occurrence still to come).
    /// Occurrences that have started are never changed.
    /// </summary>
    public async Task<(ActivityDto? Value, IReadOnlyList<Error> Errors)> PatchAsync(OrgContext org, Guid id, ActivityPatch patch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == id && a.OrganisationId == org.Id, ct);
        if (activity is null)
        {
            return (null, [NotFound]);
        }

        if (!CanManage(org.Viewer, activity.ProgrammeId))
        {
            return (null, [Forbidden]);
        }

        var scope = (patch.Scope?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "all" => "all",
            "this" => "this",
            "following" => "following",
            _ => null,
        };
        if (scope is null)
        {
            return (null, [SchedulingErrors.UnknownScope]);
        }

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(patch.Date))
        {
            if (Dates.Parse(patch.Date) is not { } d)
            {
                return (null, [SchedulingErrors.InvalidDate]);
            }

            date = d;
        }

        if (!activity.IsSeries)
        {
            scope = "all";
        }
        else if (scope != "all" && date is null)
        {
            return (null, [SchedulingErrors.ScopeNeedsDate]);
        }

        var zone = org.Organisation.Zone;
        targetId = activity.Id;
        var errors = scope == "this"
            ? await MoveOneAsync(org, activity, date!.Value, patch, zone, ct)
            : await ChangeSeriesAsync(org, activity, scope == "following" ? date : null, patch, zone, ct);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var messages = await notices.WriteAsync(org, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the activity (or a sign-up took a place) since we read it: nothing was saved; try again.
            return (null, [new Error("conflict", "Error.Concurrency", ErrorKind.Conflict)]);
        }
        catch (DbUpdateException)
        {
            // A check constraint (places held above a new maximum) decided a race: nothing was saved.
            return (null, [SchedulingErrors.MaximumBelowAssigned]);
        }

        await notices.PublishedAsync(org.Id, messages);
        return (await queries.ActivityAsync(org, targetId, ct), []);
    }

    /// <summary>Cancels one occurrence of an activity; the people on its shifts are told.</summary>
    public async Task<IReadOnlyList<Error>> CancelOccurrenceAsync(OrgContext org, Guid id, string? dateText, CancellationToken ct)
    {
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == id && a.OrganisationId == org.Id, ct);
        if (activity is null)
        {
            return [NotFound];
        }

        if (!CanManage(org.Viewer, activity.ProgrammeId))
        {
            return [Forbidden];
        }

        if (Dates.Parse(dateText) is not { } date)
        {
            return [SchedulingErrors.InvalidDate];
        }

        var now = time.GetUtcNow();
        var zone = org.Organisation.Zone;
        var occurrence = await db.Occurrences.FirstOrDefaultAsync(o => o.ActivityId == id && o.Date == date, ct);
        if (occurrence is null)
        {
            // Beyond the window: record the cancellation now, so the occurrence is never made.
            var local = Recurrence.Occurrences(activity.RRule, activity.FirstLocalStart, date, date).FirstOrDefault();
            if (local == default)
            {
                return [SchedulingErrors.UnknownOccurrence];
            }

            var plan = Materialiser.PlanOne(activity, zone, local);
            if (plan.Start <= now)
            {
                return [SchedulingErrors.PastOccurrence];
            }

            db.Occurrences.Add(new Occurrence
            {
                Id = Ids.New(time), OrganisationId = org.Id, ActivityId = id, Date = date, Start = plan.Start, End = plan.End, Cancelled = true, UpdatedAt = now,
            });
        }
        else
        {
            if (occurrence.Cancelled)
            {
                return [SchedulingErrors.AlreadyCancelled];
            }

            if (occurrence.Start <= now)
            {
                return [SchedulingErrors.PastOccurrence];
            }

            occurrence.Cancelled = true;
            occurrence.UpdatedAt = now;
            foreach (var shift in await db.Shifts.Where(s => s.OccurrenceId == occurrence.Id && !s.Cancelled).ToListAsync(ct))
            {
                CancelShift(shift, now);
            }
        }

        var messages = await notices.WriteAsync(org, ct);
        await db.SaveChangesAsync(ct);
        await notices.PublishedAsync(org.Id, messages);
        return [];
    }

    /// <summary>Makes the occurrences of every series that the rolling window now reaches. Returns how many were made.</summary>
    public async Task<int> ExtendWindowAsync(CancellationToken ct)
    {
        var made = 0;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(ActivityRules.WindowDays + 1);
        var due = await db.Activities
            .Where(a => a.RRule != null && (a.MaterialisedUntil == null || a.MaterialisedUntil < horizon))
            .OrderBy(a => a.Id).Take(200).ToListAsync(ct);
        var zones = await db.Organisations.Where(o => due.Select(a => a.OrganisationId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Zone, ct);
        foreach (var activity in due)
        {
            var before = activity.MaterialisedUntil;
            made += Materialise(activity, zones[activity.OrganisationId]).Count;
            if (before == activity.MaterialisedUntil)
            {
                db.Entry(activity).State = EntityState.Unchanged;
                continue;
            }

            activity.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance extended this series first (the version or the unique date decided): leave it to them.
                db.ChangeTracker.Clear();
            }
        }

        return made;
    }

    /// <summary>Adds the occurrences (and their shifts) from where the series stands to the end of its window.</summary>
    private List<(Occurrence Occurrence, List<Shift> Shifts)> Materialise(Activity activity, TimeZoneInfo zone)
    {
        var today = ZonedTime.Today(time, zone);
        var until = Materialiser.WindowEnd(activity, today > activity.StartDate ? today : activity.StartDate);
        var from = activity.MaterialisedUntil?.AddDays(1) ?? activity.StartDate;
        var result = new List<(Occurrence, List<Shift>)>();
        if (from > until)
        {
            return result;
        }

        var existing = db.Occurrences.Where(o => o.ActivityId == activity.Id && o.Date >= from && o.Date <= until).Select(o => o.Date).ToHashSet();
        foreach (var plan in Materialiser.Plan(activity, zone, from, until).Where(p => !existing.Contains(p.Date)))
        {
            result.Add(AddOccurrence(activity, plan));
        }

        activity.MaterialisedUntil = until;
        return result;
    }

    private (Occurrence, List<Shift>) AddOccurrence(Activity activity, PlannedOccurrence plan)
    {
        var now = time.GetUtcNow();
        var occurrence = new Occurrence
        {
            Id = Ids.New(time), OrganisationId = activity.OrganisationId, ActivityId = activity.Id, Date = plan.Date,
            Start = plan.Start, End = plan.End, UpdatedAt = now,
        };
        db.Occurrences.Add(occurrence);
        var shifts = plan.Shifts.Select((p, slot) => NewShift(activity, occurrence, p, slot, now)).ToList();
        db.Shifts.AddRange(shifts);
        return (occurrence, shifts);
    }

    private Shift NewShift(Activity activity, Occurrence occurrence, PlannedShift p, int slot, DateTimeOffset now) => new()
    {
        Id = Ids.New(time), OrganisationId = activity.OrganisationId, ActivityId = activity.Id, OccurrenceId = occurrence.Id,
        ProgrammeId = activity.ProgrammeId, Slot = slot, Role = p.Definition.Role, Start = p.Start, End = p.End,
        Minimum = p.Definition.Minimum, Target = p.Definition.Target, Maximum = p.Definition.Maximum,
        RequiredSkills = [.. p.Definition.RequiredSkills], UpdatedAt = now,
    };

    private void CancelShift(Shift shift, DateTimeOffset now)
    {
        shift.Cancelled = true;
        shift.Sequence++;
        shift.UpdatedAt = now;
        notices.Cancelled(shift);
    }

    private static void Apply(Activity a, ValidActivity v, DateTimeOffset now)
    {
        a.Title = v.Title;
        a.ProgrammeId = v.ProgrammeId;
        a.ActivityTypeId = v.ActivityTypeId;
        a.Venue = v.Venue;
        a.District = v.District;
        a.Notes = v.Notes;
        a.StartDate = DateOnly.FromDateTime(v.Start);
        a.StartTime = TimeOnly.FromDateTime(v.Start);
        a.DurationMinutes = v.DurationMinutes;
        a.RRule = v.RRule;
        a.RegistrationDeadlineMinutes = v.RegistrationDeadlineMinutes;
        a.PrivacyMode = v.PrivacyMode;
        a.Outdoor = v.Outdoor;
        a.LeadMembershipId = v.LeadMembershipId;
        a.ConfirmationHours = v.ConfirmationHours;
        a.LateCancellationHours = v.LateCancellationHours;
        a.Shifts = [.. v.Shifts];
        a.UpdatedAt = now;
    }

    /// <summary>"this": one occurrence moves (start/end) or changes venue; nothing else may change for one date alone.</summary>
    private async Task<List<Error>> MoveOneAsync(OrgContext org, Activity activity, DateOnly date, ActivityPatch patch, TimeZoneInfo zone, CancellationToken ct)
    {
        if (patch.Title is not null || patch.ProgrammeId is not null || patch.ActivityTypeId is not null || patch.District is not null
            || patch.RRule is not null || patch.RegistrationDeadline is not null || patch.PrivacyMode is not null || patch.Outdoor is not null
            || patch.LeadMembershipId is not null || patch.Notes is not null || patch.Shifts is not null
            || patch.ConfirmationHours is not null || patch.LateCancellationHours is not null)
        {
            return [SchedulingErrors.ScopeThisFields];
        }

        var now = time.GetUtcNow();
        var occurrence = await db.Occurrences.FirstOrDefaultAsync(o => o.ActivityId == activity.Id && o.Date == date, ct);
        if (occurrence is null)
        {
            var local = Recurrence.Occurrences(activity.RRule, activity.FirstLocalStart, date, date).FirstOrDefault();
            if (local == default)
            {
                return [SchedulingErrors.UnknownOccurrence];
            }

            var (o, _) = AddOccurrence(activity, Materialiser.PlanOne(activity, zone, local));
            occurrence = o;
        }

        if (occurrence.Start <= now)
        {
            return [SchedulingErrors.PastOccurrence];
        }

        if (occurrence.Cancelled)
        {
            return [SchedulingErrors.AlreadyCancelled];
        }

        var errors = new List<Error>();
        var venue = ActivityRules.Text(patch.Venue, Limits.Venue, null, SchedulingErrors.VenueTooLong, errors);
        var oldLocalStart = ZonedTime.ToLocal(occurrence.Start, zone);
        var start = patch.Start is null ? oldLocalStart : ActivityRules.ParseLocal(patch.Start, zone);
        var end = patch.End is null ? start + activity.Duration : ActivityRules.ParseLocal(patch.End, zone);
        if (start is null)
        {
            errors.Add(SchedulingErrors.StartRequired);
        }
        else if (end is null)
        {
            errors.Add(SchedulingErrors.EndRequired);
        }
        else if (end <= start)
        {
            errors.Add(SchedulingErrors.EndBeforeStart);
        }
        else if ((end.Value - start.Value).TotalHours > 24)
        {
            errors.Add(SchedulingErrors.TooLong);
        }
        else if (new[] { (start.Value, "start"), (end.Value, "end") }.FirstOrDefault(t => ZonedTime.IsSkipped(t.Item1, zone)) is ({ } skipped, { } which))
        {
            errors.Add(SchedulingErrors.TimeSkipped with { Field = which, Args = [skipped.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)] });
        }
        else if (ZonedTime.ToUtc(start.Value, zone) <= now)
        {
            errors.Add(SchedulingErrors.StartInPast);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var venueChanged = patch.Venue is not null && venue != (occurrence.Venue ?? activity.Venue);
        if (patch.Venue is not null)
        {
            occurrence.Venue = venue == activity.Venue ? null : venue ?? "";
        }

        // The occurrence takes the new times; its shifts keep their place within it.
        var moved = new Activity
        {
            Title = activity.Title, StartDate = DateOnly.FromDateTime(start!.Value), StartTime = TimeOnly.FromDateTime(start.Value),
            DurationMinutes = (int)(end!.Value - start.Value).TotalMinutes, Shifts = ShiftsShifted(activity, start.Value - oldLocalStart),
        };
        var plan = Materialiser.PlanOne(moved, zone, start.Value, occurrence.Date);
        occurrence.Moved = occurrence.Moved || plan.Start != occurrence.Start || plan.End != occurrence.End;
        occurrence.Start = plan.Start;
        occurrence.End = plan.End;
        occurrence.UpdatedAt = now;
        await SyncShiftsAsync(activity, occurrence, plan, venueChanged, errors, ct);
        activity.Version++;
        activity.UpdatedAt = now;
        return errors;
    }

    /// <summary>The activity's shift definitions moved by <paramref name="delta"/> (a whole occurrence moving keeps its shifts' places).</summary>
    private static List<ShiftDefinition> ShiftsShifted(Activity activity, TimeSpan delta) =>
        activity.Shifts.Select(d => d with { Start = d.Start.Add(delta), End = d.End.Add(delta) }).ToList();

    /// <summary>"all" (from today) or "following" (from <paramref name="from"/>, splitting the series there).</summary>
    private async Task<List<Error>> ChangeSeriesAsync(OrgContext org, Activity activity, DateOnly? from, ActivityPatch patch, TimeZoneInfo zone, CancellationToken ct)
    {
        targetId = activity.Id;
        var now = time.GetUtcNow();
        var errors = new List<Error>();
        if (from is { } f)
        {
            var local = Recurrence.Occurrences(activity.RRule, activity.FirstLocalStart, f, f).FirstOrDefault();
            var existing = await db.Occurrences.AsNoTracking().FirstOrDefaultAsync(o => o.ActivityId == activity.Id && o.Date == f, ct);
            if (local == default && existing is null)
            {
                return [SchedulingErrors.UnknownOccurrence];
            }

            if ((existing?.Start ?? Materialiser.PlanOne(activity, zone, local).Start) <= now)
            {
                return [SchedulingErrors.PastOccurrence];
            }

            if (f == activity.StartDate)
            {
                from = null;
            }
        }

        // The new values: the patch over what the activity has now. For "following", the start defaults to that date.
        var currentStart = from is { } d0 ? d0.ToDateTime(activity.StartTime) : activity.FirstLocalStart;
        var input = new ActivityInput(
            patch.Title ?? activity.Title, patch.ProgrammeId ?? activity.ProgrammeId, patch.ActivityTypeId ?? activity.ActivityTypeId,
            patch.Venue ?? activity.Venue, patch.District ?? activity.District?.ToString(),
            patch.Start ?? Local(currentStart), patch.End ?? (patch.Start is null ? Local(currentStart + activity.Duration) : null),
            patch.RRule ?? (from is { } d1 ? Recurrence.Remainder(activity.RRule!, activity.FirstLocalStart, d1) : activity.RRule),
            patch.RegistrationDeadline ?? ActivityRules.FormatDeadline(activity.RegistrationDeadlineMinutes),
            patch.PrivacyMode ?? activity.PrivacyMode, patch.Outdoor ?? activity.Outdoor, patch.LeadMembershipId ?? activity.LeadMembershipId,
            patch.Notes ?? activity.Notes,
            patch.Shifts ?? activity.Shifts.Select(s => new ShiftInput(s.Role, s.Start.ToString("HH:mm"), s.End.ToString("HH:mm"), s.Minimum, s.Target, s.Maximum, s.RequiredSkills)).ToList(),
            ActivityPatch.Hours(patch.ConfirmationHours, activity.ConfirmationHours), ActivityPatch.Hours(patch.LateCancellationHours, activity.LateCancellationHours));
        if (patch.End is null && patch.Start is not null)
        {
            input = input with { End = ActivityRules.ParseLocal(patch.Start, zone) is { } ns ? Local(ns + activity.Duration) : null };
        }

        var (valid, validation) = ActivityRules.Validate(input, zone);
        if (valid is null)
        {
            return [.. validation];
        }

        if (!activity.IsSeries && valid.RRule is not null)
        {
            return [SchedulingErrors.RuleChangeNeedsSeries];
        }

        errors.AddRange(await CheckReferencesAsync(org, valid, ct));
        if (errors.Count > 0)
        {
            return errors;
        }

        var target = activity;
        var firstDate = DateOnly.FromDateTime(valid.Start);
        if (from is { } split)
        {
            // Split: the old series ends the day before; a new one carries on with the changes, taking the occurrences it covers.
            target = new Activity { Id = Ids.New(time), OrganisationId = org.Id, Title = valid.Title, SplitFromId = activity.Id, CreatedAt = now };
            Apply(target, valid, now);
            db.Activities.Add(target);
            activity.RRule = Recurrence.EndBefore(activity.RRule!, split);
            activity.MaterialisedUntil = activity.MaterialisedUntil is { } m && m >= split ? split.AddDays(-1) : activity.MaterialisedUntil;
            activity.Version++;
            activity.UpdatedAt = now;
            var moving = await db.Occurrences.Where(o => o.ActivityId == activity.Id && o.Date >= split).ToListAsync(ct);
            foreach (var o in moving)
            {
                o.ActivityId = target.Id;
            }

            await db.Shifts.Where(s => s.ActivityId == activity.Id && moving.Select(o => o.Id).Contains(s.OccurrenceId)).ExecuteUpdateAsync(u => u.SetProperty(s => s.ActivityId, target.Id), ct);
            firstDate = split < firstDate ? split : firstDate;
        }
        var venueChanged = target.Venue != activity.Venue;
        if (from is null)
        {
            var venueBefore = activity.Venue;
            Apply(activity, valid, now);
            activity.Version++;
            venueChanged = venueBefore != activity.Venue;
        }

        errors.AddRange(await ResyncAsync(target, zone, from ?? DateOnly.MinValue, venueChanged, ct));
        targetId = target.Id;
        return errors;
    }

    /// <summary>
    /// Brings the occurrences still to come (from <paramref name="from"/>) in line with the activity: new times, shifts
    /// and headcounts; dates the rule no longer has are cancelled (or removed when nobody had signed up); new dates are made.
    /// </summary>
    private async Task<List<Error>> ResyncAsync(Activity activity, TimeZoneInfo zone, DateOnly from, bool venueChanged, CancellationToken ct)
    {
        var errors = new List<Error>();
        var now = time.GetUtcNow();
        var today = ZonedTime.Today(time, zone);
        var windowFrom = from > today ? from : today;
        var until = Materialiser.WindowEnd(activity, windowFrom > activity.StartDate ? windowFrom : activity.StartDate);
        var planned = Materialiser.Plan(activity, zone, windowFrom, until).ToDictionary(p => p.Date);
        var upcoming = await db.Occurrences
            .Where(o => o.ActivityId == activity.Id && o.Start > now && o.Date >= from)
            .ToListAsync(ct);
        var tracked = db.Occurrences.Local.Where(o => o.ActivityId == activity.Id && o.Start > now && o.Date >= from).ToList();
        foreach (var occurrence in tracked.Union(upcoming).Distinct().ToList())
        {
            if (occurrence.Cancelled)
            {
                planned.Remove(occurrence.Date);
                continue;
            }

            if (!planned.Remove(occurrence.Date, out var plan) && occurrence.Date > until)
            {
                // Beyond the new window (the series got shorter in time, or it will be made again when the window reaches it).
                plan = null;
            }

            if (plan is null)
            {
                if (await db.Signups.AnyAsync(s => db.Shifts.Any(x => x.Id == s.ShiftId && x.OccurrenceId == occurrence.Id) && SignupStatuses.OnMyList.Contains(s.Status), ct))
                {
                    occurrence.Cancelled = true;
                    occurrence.UpdatedAt = now;
                    foreach (var shift in await db.Shifts.Where(s => s.OccurrenceId == occurrence.Id && !s.Cancelled).ToListAsync(ct))
                    {
                        CancelShift(shift, now);
                    }
                }
                else
                {
                    db.Occurrences.Remove(occurrence);
                }

                continue;
            }

            if (occurrence.Moved)
            {
                // A date moved on its own keeps its own time; its shifts follow the new definitions within it.
                plan = Materialiser.PlanOne(activity, zone, ZonedTime.ToLocal(occurrence.Start, zone), occurrence.Date);
            }

            occurrence.Start = plan.Start;
            occurrence.End = plan.End;
            occurrence.UpdatedAt = now;
            await SyncShiftsAsync(activity, occurrence, plan, venueChanged && occurrence.Venue is null, errors, ct);
        }

        foreach (var plan in planned.Values.Where(p => p.Start > now))
        {
            AddOccurrence(activity, plan);
        }

        activity.MaterialisedUntil = until > (activity.MaterialisedUntil ?? DateOnly.MinValue) ? until : activity.MaterialisedUntil;
        return errors;
    }

    /// <summary>Matches an occurrence's shifts to the plan by slot: updates them, adds new slots, cancels slots that went.</summary>
    private async Task SyncShiftsAsync(Activity activity, Occurrence occurrence, PlannedOccurrence plan, bool venueChanged, List<Error> errors, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var shifts = db.Shifts.Local.Where(s => s.OccurrenceId == occurrence.Id).ToList();
        shifts = shifts.Union(await db.Shifts.Where(s => s.OccurrenceId == occurrence.Id).ToListAsync(ct)).Distinct().ToList();
        for (var slot = 0; slot < plan.Shifts.Count; slot++)
        {
            var p = plan.Shifts[slot];
            var shift = shifts.FirstOrDefault(s => s.Slot == slot);
            if (shift is null)
            {
                db.Shifts.Add(NewShift(activity, occurrence, p, slot, now));
                continue;
            }

            if (p.Definition.Maximum < shift.Assigned)
            {
                errors.Add(SchedulingErrors.MaximumBelowAssigned);
                return;
            }

            var previousStart = shift.Start;
            var timeChanged = shift.Start != p.Start || shift.End != p.End;
            var changed = timeChanged || venueChanged || shift.Role != p.Definition.Role || shift.Minimum != p.Definition.Minimum
                || shift.Target != p.Definition.Target || shift.Maximum != p.Definition.Maximum || shift.Cancelled
                || !shift.RequiredSkills.SequenceEqual(p.Definition.RequiredSkills) || shift.ProgrammeId != activity.ProgrammeId;
            if (!changed)
            {
                continue;
            }

            shift.Role = p.Definition.Role;
            shift.Start = p.Start;
            shift.End = p.End;
            shift.Minimum = p.Definition.Minimum;
            shift.Target = p.Definition.Target;
            shift.Maximum = p.Definition.Maximum;
            shift.RequiredSkills = [.. p.Definition.RequiredSkills];
            shift.ProgrammeId = activity.ProgrammeId;
            shift.Cancelled = false;
            shift.Sequence++;
            shift.UpdatedAt = now;
            if (timeChanged || venueChanged)
            {
                notices.Changed(shift, previousStart);
            }
        }

        foreach (var gone in shifts.Where(s => s.Slot >= plan.Shifts.Count && !s.Cancelled))
        {
            CancelShift(gone, now);
        }
    }

    private static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Programme, activity type, lead and skills must be this organisation's (another organisation's ids are simply unknown).</summary>
    private async Task<List<Error>> CheckReferencesAsync(OrgContext org, ValidActivity v, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (!await db.Programmes.AnyAsync(p => p.Id == v.ProgrammeId && p.OrganisationId == org.Id, ct))
        {
            errors.Add(SchedulingErrors.ProgrammeRequired);
        }
        else if (!CanManage(org.Viewer, v.ProgrammeId))
        {
            return [Forbidden];
        }

        if (v.ActivityTypeId is { } typeId && !await db.ActivityTypes.AnyAsync(t => t.Id == typeId && t.OrganisationId == org.Id, ct))
        {
            errors.Add(SchedulingErrors.UnknownActivityType);
        }

        if (v.LeadMembershipId is { } lead && !await db.Memberships.AnyAsync(
                m => m.Id == lead && m.OrganisationId == org.Id && m.Status == MembershipStatus.Active
                     && (m.Roles & (MemberRoles.Lead | MemberRoles.Coordinator | MemberRoles.Admin)) != 0, ct))
        {
            errors.Add(SchedulingErrors.UnknownLead);
        }

        var skills = v.AllSkills.ToArray();
        if (skills.Length > 0)
        {
            var known = await queries.KnownSkillsAsync(org.Id, ct);
            if (skills.Any(s => !known.Contains(s)))
            {
                errors.Add(SchedulingErrors.UnknownSkill with { Args = [string.Join("、", skills.Where(s => !known.Contains(s)))] });
            }
        }

        return errors;
    }
}
