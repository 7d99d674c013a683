using Kaifong.Data;
using Kaifong.Domain.Audit;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.People;
using Kaifong.Messaging;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Members;

public sealed record SkillDto(string Name, bool Verified, DateOnly? ExpiresOn);
public sealed record MemberDto(
    Guid MembershipId, Guid UserId, string DisplayName, IReadOnlyList<string> Roles, MembershipStatus Status,
    IReadOnlyList<Guid> ProgrammeIds, IReadOnlyList<SkillDto> Skills, string? District, DateTimeOffset JoinedAt,
    string? Email = null, string? Phone = null);
public sealed record RolesRequest(List<string?>? Roles, List<Guid>? ProgrammeIds);
public sealed record SkillsRequest(List<SkillInputDto?>? Skills);
public sealed record SkillInputDto(string? Name, bool Verified, DateOnly? ExpiresOn);
public sealed record DecisionDto(Guid MembershipId, MembershipStatus Status);

/// <summary>Listing members and deciding about them. Every rule of who-may-see-whom is MemberAccess's; every look at contact details is audited.</summary>
public sealed class MemberCommands(KaifongDb db, TimeProvider time, AuditLog audit, MessageTemplates templates, OutboxSignal signal, Links links)
{
    private sealed record Row(Membership M, KaifongUser U);

    /// <summary>The members the viewer may see, in their scope. With contacts, each member whose details are shown is audited.</summary>
    public async Task<IReadOnlyList<MemberDto>> ListAsync(OrgContext org, MembershipStatus? status, bool withContacts, CancellationToken ct)
    {
        var query = db.Memberships.AsNoTracking().Include(m => m.Programmes)
            .Where(m => m.OrganisationId == org.Id && m.Status != MembershipStatus.Removed);
        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        var rows = await query.VisibleTo(org.Viewer)
            .Join(db.Users.AsNoTracking(), m => m.UserId, u => u.Id, (m, u) => new Row(m, u))
            .ToListAsync(ct);
        var skills = await SkillsAsync(rows.Select(r => r.M.Id).ToArray(), ct);
        var result = rows
            .OrderBy(r => r.M.Status).ThenBy(r => r.U.DisplayName, StringComparer.Ordinal)
            .Select(r => ToDto(r.M, r.U, skills, withContacts))
            .ToList();
        if (withContacts && result.Count > 0)
        {
            foreach (var r in rows)
            {
                audit.Add(org.Id, org.Me.UserId, AuditActions.ContactViewed, r.U.Id, r.M.Id, "members list");
            }

            await db.SaveChangesAsync(ct);
        }

        return result;
    }

    /// <summary>One member in the viewer's scope, or null (answered as 404).</summary>
    public async Task<MemberDto?> GetAsync(OrgContext org, Guid membershipId, bool withContact, CancellationToken ct)
    {
        var row = await FindInScopeAsync(org, membershipId, tracking: false, ct);
        if (row is null)
        {
            return null;
        }

        if (withContact)
        {
            audit.Add(org.Id, org.Me.UserId, AuditActions.ContactViewed, row.U.Id, row.M.Id);
            await db.SaveChangesAsync(ct);
        }

        return ToDto(row.M, row.U, await SkillsAsync([row.M.Id], ct), withContact);
    }

    public async Task<Result<DecisionDto>> DecideAsync(OrgContext org, Guid membershipId, bool approve, CancellationToken ct)
    {
        var row = await FindInScopeAsync(org, membershipId, tracking: true, ct);
        if (row is null)
        {
            return NotFound;
        }

        var now = time.GetUtcNow();
        var error = approve ? row.M.Approve(org.Me.UserId, now) : row.M.Reject(org.Me.UserId, now);
        if (error is not null)
        {
            return error;
        }

        audit.Add(org.Id, org.Me.UserId, approve ? AuditActions.Approved : AuditActions.Rejected, row.U.Id, row.M.Id);
        if (approve && row.U.Email is { } email)
        {
            var message = templates.Render("membership_approved", row.U.Language,
                new { displayName = row.U.DisplayName, organisationName = org.Organisation.Name, link = links.Absolute($"/o/{org.Slug}") });
            OutboxWriter.EnqueueEmail(db, time, org.Id, "membership_approved", email, message, $"membership_approved:{row.M.Id}");
        }

        if (await SaveConcurrentlyAsync(ct) is { } conflict)
        {
            return conflict;
        }

        signal.Notify();
        return new DecisionDto(row.M.Id, row.M.Status);
    }

    public async Task<Result<MemberDto>> SetRolesAsync(OrgContext org, Guid membershipId, RolesRequest input, CancellationToken ct)
    {
        if (!MemberAccess.CanChangeRoles(org.Viewer))
        {
            return Forbidden;
        }

        if (input.Roles is null || input.Roles.Count == 0)
        {
            return MembershipErrors.RolesRequired;
        }

        if (!MemberRoleNames.TryParse(input.Roles, out var roles))
        {
            return MembershipErrors.UnknownRole;
        }

        var programmeIds = (input.ProgrammeIds ?? []).Distinct().ToArray();
        if (programmeIds.Length > 0 && await db.Programmes.CountAsync(p => p.OrganisationId == org.Id && programmeIds.Contains(p.Id), ct) != programmeIds.Length)
        {
            return Domain.Organisations.ProgrammeErrors.Unknown;
        }

        // Role changes in one organisation queue on its row (an update to itself takes the row lock on PostgreSQL and the
        // write lock on SQLite), so two admins demoting each other at once are decided one after the other, and the
        // second sees that it would leave nobody: "at least one active admin" holds in the database, not in a read before.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Organisations.Where(o => o.Id == org.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Slug, o => o.Slug), ct);
        if (!await db.Memberships.AnyAsync(m => m.Id == org.Me.Id && m.Status == MembershipStatus.Active && (m.Roles & MemberRoles.Admin) != 0, ct))
        {
            return Forbidden; // demoted by someone else while this request waited its turn
        }

        var row = await FindInScopeAsync(org, membershipId, tracking: true, ct);
        if (row is null)
        {
            return NotFound;
        }

        if (row.M.IsAdmin && !roles.HasFlag(MemberRoles.Admin)
            && !await db.Memberships.AnyAsync(m => m.OrganisationId == org.Id && m.Id != row.M.Id && m.Status == MembershipStatus.Active && (m.Roles & MemberRoles.Admin) != 0, ct))
        {
            return MembershipErrors.LastAdmin;
        }

        var before = string.Join(",", row.M.Roles.ToNames());
        row.M.SetRoles(roles, time.GetUtcNow());
        db.MembershipProgrammes.RemoveRange(row.M.Programmes);
        row.M.Programmes.Clear();
        foreach (var id in programmeIds)
        {
            row.M.Programmes.Add(new MembershipProgramme { MembershipId = row.M.Id, ProgrammeId = id });
        }

        audit.Add(org.Id, org.Me.UserId, AuditActions.RolesChanged, row.U.Id, row.M.Id, $"{before} → {string.Join(",", roles.ToNames())}; programmes {programmeIds.Length}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToDto(row.M, row.U, await SkillsAsync([row.M.Id], ct), withContact: false);
    }

    public async Task<Result<MemberDto>> SetSkillsAsync(OrgContext org, Guid membershipId, IReadOnlyList<SkillInputDto?>? input, CancellationToken ct)
    {
        var (skills, errors) = MemberSkillRules.Validate(input?.Where(s => s is not null).Select(s => new SkillInput(s!.Name, s.Verified, s.ExpiresOn)).ToArray());
        if (skills is null)
        {
            return errors[0];
        }

        var row = await FindInScopeAsync(org, membershipId, tracking: true, ct);
        if (row is null)
        {
            return NotFound;
        }

        await db.MemberSkills.Where(s => s.MembershipId == row.M.Id && s.OrganisationId == org.Id).ExecuteDeleteAsync(ct);
        foreach (var s in skills)
        {
            db.MemberSkills.Add(new MemberSkill
            {
                Id = Ids.New(time),
                OrganisationId = org.Id,
                MembershipId = row.M.Id,
                Name = s.Name!,
                Verified = s.Verified,
                ExpiresOn = s.ExpiresOn,
                VerifiedBy = s.Verified ? org.Me.UserId : null,
            });
        }

        audit.Add(org.Id, org.Me.UserId, AuditActions.SkillsChanged, row.U.Id, row.M.Id, string.Join(", ", skills.Select(s => s.Name)));
        await db.SaveChangesAsync(ct);
        return ToDto(row.M, row.U, await SkillsAsync([row.M.Id], ct), withContact: false);
    }

    private static readonly Error NotFound = new("not_found", "Error.NotFound", ErrorKind.NotFound);
    private static readonly Error Forbidden = new("forbidden", "Error.Forbidden", ErrorKind.Forbidden);

    /// <summary>Staff only; a member outside the viewer's programmes is as if it did not exist.</summary>
    private async Task<Row?> FindInScopeAsync(OrgContext org, Guid membershipId, bool tracking, CancellationToken ct)
    {
        if (!org.Viewer.IsStaff)
        {
            return null;
        }

        var query = db.Memberships.Include(m => m.Programmes).Where(m => m.Id == membershipId && m.OrganisationId == org.Id);
        if (!tracking)
        {
            query = query.AsNoTracking();
        }

        var m = await query.FirstOrDefaultAsync(ct);
        if (m is null || !MemberAccess.InScope(org.Viewer, m.Programmes.Select(p => p.ProgrammeId)))
        {
            return null;
        }

        var u = await db.Users.FirstAsync(x => x.Id == m.UserId, ct);
        return new Row(m, u);
    }

    private async Task<Dictionary<Guid, List<SkillDto>>> SkillsAsync(Guid[] membershipIds, CancellationToken ct) =>
        (await db.MemberSkills.AsNoTracking().Where(s => membershipIds.Contains(s.MembershipId)).ToListAsync(ct))
        .GroupBy(s => s.MembershipId)
        .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new SkillDto(s.Name, s.Verified, s.ExpiresOn)).ToList());

    private static MemberDto ToDto(Membership m, KaifongUser u, Dictionary<Guid, List<SkillDto>> skills, bool withContact) => new(
        m.Id, u.Id, u.DisplayName, m.Roles.ToNames(), m.Status, m.Programmes.Select(p => p.ProgrammeId).ToArray(),
        skills.TryGetValue(m.Id, out var list) ? list : [], u.District?.ApiName(), m.CreatedAt,
        withContact ? u.Email : null, withContact ? u.PhoneNumber : null);

    /// <summary>Two staff approving at once: the second sees the first's decision instead of overwriting it.</summary>
    private async Task<Error?> SaveConcurrentlyAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return MembershipErrors.NotPending;
        }
    }
}
