using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Domain.Organisations;
using Kaifong.Domain.Signups;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Availability;

public sealed record WeeklyDto(DayOfWeek DayOfWeek, string From, string To);

public sealed record ExceptionDto(string Date, string? From, string? To, bool Available);

/// <summary>The shape of <c>GET</c> and <c>PUT /api/v1/me/availability?org=</c>: the weekly pattern and the dated exceptions from today on.</summary>
public sealed record AvailabilityDto(IReadOnlyList<WeeklyDto> Weekly, IReadOnlyList<ExceptionDto> Exceptions);

/// <summary>
/// A person's own availability in one organisation (their active membership), read and replaced whole. Called by the
/// API and by the page, so the two cannot drift apart.
/// </summary>
public sealed class AvailabilityCommands(KaifongDb db, TimeProvider time)
{
    /// <summary>Today in the organisation's time zone: exceptions before it are history, neither shown nor changed.</summary>
    public DateOnly Today(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), organisation.Zone).DateTime);
    }

    public async Task<ValidAvailability> GetAsync(OrgContext org, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(org);
        var me = org.Me.Id;
        var today = Today(org.Organisation);
        var weekly = await db.AvailabilitySlots.AsNoTracking().Where(s => s.MembershipId == me && s.OrganisationId == org.Id)
            .Select(s => new WeeklyWindow(s.DayOfWeek, s.From, s.To)).ToListAsync(ct);
        var exceptions = await db.AvailabilityExceptions.AsNoTracking().Where(e => e.MembershipId == me && e.OrganisationId == org.Id && e.Date >= today)
            .Select(e => new DatedException(e.Date, e.From, e.To, e.Available)).ToListAsync(ct);
        return new ValidAvailability(
            AvailabilitySet.Merge(weekly),
            exceptions.OrderBy(e => e.Date).ThenBy(e => e.From ?? TimeOnly.MinValue).ToList());
    }

    /// <summary>
    /// Checks the whole set, then in one transaction puts it in place of the weekly pattern and of every exception from
    /// today on. Nothing is saved when anything is wrong. Two replacements at once run one after the other (the first
    /// statement locks the person's membership row), so the last one wins whole.
    /// </summary>
    public async Task<(ValidAvailability? Value, IReadOnlyList<Error> Errors)> ReplaceAsync(OrgContext org, AvailabilityInput? input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(org);
        var today = Today(org.Organisation);
        var (valid, errors) = AvailabilitySet.Validate(input, today);
        if (valid is null)
        {
            return (null, errors);
        }

        var me = org.Me;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Memberships.Where(m => m.Id == me.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, m => m.Status), ct);
        await db.AvailabilitySlots.Where(s => s.MembershipId == me.Id && s.OrganisationId == org.Id).ExecuteDeleteAsync(ct);
        await db.AvailabilityExceptions.Where(e => e.MembershipId == me.Id && e.OrganisationId == org.Id && e.Date >= today).ExecuteDeleteAsync(ct);
        db.AvailabilitySlots.AddRange(valid.Weekly.Select(w => new AvailabilitySlot
        {
            Id = Guid.NewGuid(), OrganisationId = org.Id, MembershipId = me.Id, DayOfWeek = w.DayOfWeek, From = w.From, To = w.To,
        }));
        db.AvailabilityExceptions.AddRange(valid.Exceptions.Select(e => new AvailabilityException
        {
            Id = Guid.NewGuid(), OrganisationId = org.Id, MembershipId = me.Id, Date = e.Date, From = e.From, To = e.To, Available = e.Available,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (valid, []);
    }

    public static AvailabilityDto Dto(ValidAvailability value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new AvailabilityDto(
            value.Weekly.Select(w => new WeeklyDto(w.DayOfWeek, AvailabilitySet.FormatTime(w.From), AvailabilitySet.FormatTime(w.To))).ToList(),
            value.Exceptions.Select(e => new ExceptionDto(AvailabilitySet.FormatDate(e.Date), e.From is { } f ? AvailabilitySet.FormatTime(f) : null,
                e.To is { } t ? AvailabilitySet.FormatTime(t) : null, e.Available)).ToList());
    }
}
