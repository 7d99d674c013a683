using Kaifong.Data;
using Kaifong.Domain.Audit;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Account;

/// <summary>An admin's "sign out everywhere" for a member (a lost phone, a shared computer): every session ends, audited.</summary>
public sealed class SessionCommands(KaifongDb db, UserManager<KaifongUser> users, SessionStore sessions, AuditLog audit, TwoFactorGate gate)
{
    private static readonly Error NotFound = new("not_found", "Error.NotFound", ErrorKind.NotFound);

    /// <summary>Admins only (and past the 2FA gate); a membership of another organisation is not found.</summary>
    public async Task<Error?> SignOutEverywhereAsync(OrgContext org, System.Security.Claims.ClaimsPrincipal caller, Guid membershipId, CancellationToken ct)
    {
        if (await gate.AdminCheckAsync(org, caller) is { } stop)
        {
            return stop;
        }

        var userId = await db.Memberships.AsNoTracking()
            .Where(m => m.Id == membershipId && m.OrganisationId == org.Id && m.Status != MembershipStatus.Removed)
            .Select(m => (Guid?)m.UserId)
            .FirstOrDefaultAsync(ct);
        if (userId is null || await users.FindByIdAsync(userId.Value.ToString()) is not { } user)
        {
            return NotFound;
        }

        await sessions.EndAllAsync(user);
        audit.Add(org.Id, org.Me.UserId, AuditActions.SignedOutEverywhere, user.Id, membershipId);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
