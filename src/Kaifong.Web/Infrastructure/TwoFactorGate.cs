using System.Security.Claims;
using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaifong.Web.Infrastructure;

/// <summary>Admins must set up two-factor sign-in: after the grace period, admin-only actions wait until they have.</summary>
public sealed class TwoFactorGate(KaifongDb db, TimeProvider time, IOptions<KaifongOptions> options)
{
    private static readonly Error Forbidden = new("forbidden", "Error.Forbidden", ErrorKind.Forbidden);

    /// <summary>Null when the caller is an admin who may act now; otherwise why not.</summary>
    public async Task<Error?> AdminCheckAsync(OrgContext org, ClaimsPrincipal principal)
    {
        if (!MemberAccess.CanManageOrganisation(org.Viewer))
        {
            return Forbidden;
        }

        return await MustSetUpAsync(org, principal) ? MembershipErrors.TwoFactorRequired : null;
    }

    /// <summary>True when the caller is an admin here, without 2FA, past the grace period.</summary>
    public async Task<bool> MustSetUpAsync(OrgContext org, ClaimsPrincipal principal)
    {
        if (!org.Me.IsAdmin)
        {
            return false;
        }

        var userId = principal.RequiredUserId();
        var enabled = await db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync();
        return org.Me.AdminNeedsTwoFactor(enabled, time.GetUtcNow(), options.Value.AdminTwoFactorGrace);
    }

    /// <summary>True when the caller is an admin without 2FA at all (shown as a reminder banner during the grace period).</summary>
    public async Task<bool> ShouldRemindAsync(OrgContext org, ClaimsPrincipal principal)
    {
        if (!org.Me.IsAdmin)
        {
            return false;
        }

        var userId = principal.RequiredUserId();
        return !await db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync();
    }

    /// <summary>True when an organisation requires the person's 2FA: an active admin membership past the grace period.</summary>
    public async Task<bool> RequiredForAsync(Guid userId)
    {
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == MembershipStatus.Active).ToListAsync();
        var now = time.GetUtcNow();
        return memberships.Any(m => m.AdminNeedsTwoFactor(twoFactorEnabled: false, now, options.Value.AdminTwoFactorGrace));
    }
}
