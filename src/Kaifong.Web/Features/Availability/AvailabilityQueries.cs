using Kaifong.Data;
using Kaifong.Domain.Members;
using Kaifong.Domain.Signups;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Availability;

/// <summary>
/// Who can serve when, for other features (call-outs, the auto-roster, a coordinator's pick list). Callers are trusted:
/// they have already checked that the reader may see the organisation's members.
/// </summary>
public sealed class AvailabilityQueries(KaifongDb db)
{
    /// <summary>
    /// Every active member of the organisation → whether their availability covers a shift from <paramref name="localStart"/>
    /// to <paramref name="localEnd"/> (the organisation's wall-clock times): true available, false not, null when they
    /// have said nothing about that day: no usual week and no exception on the date (<see cref="AvailabilityRules.Covers"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, bool?>> ForShiftAsync(Guid organisationId, DateTime localStart, DateTime localEnd, CancellationToken ct)
    {
        var date = DateOnly.FromDateTime(localStart);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Status == MembershipStatus.Active)
            .Select(m => m.Id).ToListAsync(ct);
        var weekly = (await db.AvailabilitySlots.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToListAsync(ct))
            .ToLookup(s => s.MembershipId);
        var onDate = (await db.AvailabilityExceptions.AsNoTracking().Where(e => e.OrganisationId == organisationId && e.Date == date).ToListAsync(ct))
            .ToLookup(e => e.MembershipId);

        // Only that date's exceptions count: someone who marked blackout days elsewhere and no usual week has said nothing
        // about this day (unknown), not "never available".
        var result = new Dictionary<Guid, bool?>();
        foreach (var id in members)
        {
            result[id] = AvailabilityRules.Covers(localStart, localEnd, weekly[id].ToList(), onDate[id].ToList());
        }

        return result;
    }
}
