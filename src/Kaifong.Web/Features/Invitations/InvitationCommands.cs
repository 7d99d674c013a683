using Kaifong.Data;
using Kaifong.Domain.Audit;
using Kaifong.Domain.Common;
using Kaifong.Domain.Members;
using Kaifong.Domain.Organisations;
using Kaifong.Messaging;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Features.Invitations;

public sealed record CreateInvitationRequest(string? Role, List<Guid>? ProgrammeIds, bool? RequiresApproval, DateTimeOffset? ExpiresAt, int? MaxUses);
public sealed record InvitationCreated(string Token, string Url, DateTimeOffset ExpiresAt);
public sealed record InvitationDto(Guid Id, string Token, string Url, string Role, IReadOnlyList<Guid> ProgrammeIds, bool RequiresApproval,
    DateTimeOffset ExpiresAt, int? MaxUses, int Uses, bool Usable);
public sealed record InvitationPreview(string OrganisationName, string OrganisationSlug, string Role, bool RequiresApproval, DateTimeOffset ExpiresAt, string Pics);
public sealed record AcceptResponse(Guid MembershipId, MembershipStatus Status);

/// <summary>Invitation links: create, list, revoke, look at, accept. Uses are counted in the database, so a link with one use admits one person.</summary>
public sealed class InvitationCommands(
    KaifongDb db, TimeProvider time, AuditLog audit, Links links, OrganisationCommands organisations,
    MessageTemplates templates, OutboxSignal signal)
{
    public async Task<Result<InvitationCreated>> CreateAsync(OrgContext org, CreateInvitationRequest input, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (valid, errors) = InvitationErrors.Validate(input.Role, input.ProgrammeIds, input.RequiresApproval, input.ExpiresAt, input.MaxUses, now);
        if (valid is null)
        {
            return errors[0];
        }

        if (!await organisations.AreOwnProgrammesAsync(org.Id, valid.ProgrammeIds.ToArray(), ct))
        {
            return ProgrammeErrors.Unknown;
        }

        if (!MemberAccess.CanInvite(org.Viewer, valid.Role, valid.ProgrammeIds.ToArray()))
        {
            return InvitationErrors.NotAllowed;
        }

        var invitation = new Invitation
        {
            Id = Ids.New(time),
            OrganisationId = org.Id,
            Token = Tokens.NewUrlToken(),
            Role = valid.Role,
            ProgrammeIds = valid.ProgrammeIds.ToList(),
            RequiresApproval = valid.RequiresApproval,
            ExpiresAt = valid.ExpiresAt,
            MaxUses = valid.MaxUses,
            CreatedBy = org.Me.UserId,
            CreatedAt = now,
        };
        db.Invitations.Add(invitation);
        audit.Add(org.Id, org.Me.UserId, AuditActions.InvitationCreated, detail: $"{valid.Role}; approval {valid.RequiresApproval}; max {valid.MaxUses?.ToString() ?? "∞"}");
        await db.SaveChangesAsync(ct);
        return new InvitationCreated(invitation.Token, links.Absolute(Links.Invitation(invitation.Token)), invitation.ExpiresAt);
    }

    public async Task<IReadOnlyList<InvitationDto>> ListAsync(OrgContext org, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var list = await db.Invitations.AsNoTracking().Where(i => i.OrganisationId == org.Id).ToListAsync(ct);
        return list
            .Where(i => org.Viewer.IsAdmin || i.CreatedBy == org.Me.UserId)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationDto(i.Id, i.Token, links.Absolute(Links.Invitation(i.Token)), i.Role.ToString(), i.ProgrammeIds,
                i.RequiresApproval, i.ExpiresAt, i.MaxUses, i.Uses, i.WhyUnusable(now) is null))
            .ToList();
    }

    public async Task<Error?> RevokeAsync(OrgContext org, Guid id, CancellationToken ct)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id && i.OrganisationId == org.Id, ct);
        if (invitation is null || !(org.Viewer.IsAdmin || invitation.CreatedBy == org.Me.UserId))
        {
            return InvitationErrors.NotFound;
        }

        invitation.RevokedAt ??= time.GetUtcNow();
        audit.Add(org.Id, org.Me.UserId, AuditActions.InvitationRevoked, detail: invitation.Role.ToString());
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>What the person holding the link is told before joining, with the PICS in their language.</summary>
    public async Task<Result<(Invitation Invitation, Organisation Organisation)>> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return InvitationErrors.NotFound;
        }

        var found = await db.Invitations.AsNoTracking()
            .Where(i => i.Token == token)
            .Join(db.Organisations.AsNoTracking(), i => i.OrganisationId, o => o.Id, (i, o) => new { i, o })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return InvitationErrors.NotFound;
        }

        return found.i.WhyUnusable(time.GetUtcNow()) is { } why ? why : (found.i, found.o);
    }

    /// <summary>
    /// Joins the organisation. Accepting twice answers the membership already made; the use is counted by a conditional
    /// update, so concurrent accepts of a one-use link admit exactly one person.
    /// </summary>
    public async Task<Result<AcceptResponse>> AcceptAsync(string? token, KaifongUser user, CancellationToken ct)
    {
        var found = await FindAsync(token, ct);
        var existingFor = async (Guid orgId) => await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == orgId && m.UserId == user.Id)
            .Select(m => new AcceptResponse(m.Id, m.Status)).FirstOrDefaultAsync(ct);
        if (!found.IsSuccess)
        {
            // A used-up link still answers the person it already admitted.
            if (found.Error != InvitationErrors.NotFound && await db.Invitations.AsNoTracking().Where(i => i.Token == token).Select(i => i.OrganisationId).FirstOrDefaultAsync(ct) is var orgId
                && await existingFor(orgId) is { } mine)
            {
                return mine;
            }

            return found.Error!;
        }

        var (invitation, organisation) = found.Value;
        if (await existingFor(organisation.Id) is { } existing)
        {
            return existing;
        }

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.RevokedAt == null && i.ExpiresAt > now && (i.MaxUses == null || i.Uses < i.MaxUses))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Uses, i => i.Uses + 1), ct);
        if (claimed == 0)
        {
            return InvitationErrors.UsedUp;
        }

        var membership = Membership.Join(Ids.New(time), organisation.Id, user.Id, invitation.Role, invitation.RequiresApproval, invitation.Id, now);
        membership.Programmes.AddRange(invitation.ProgrammeIds.Select(p => new MembershipProgramme { MembershipId = membership.Id, ProgrammeId = p }));
        db.Memberships.Add(membership);
        if (invitation.RequiresApproval && user.Email is { } email)
        {
            var message = templates.Render("membership_pending", user.Language, new { displayName = user.DisplayName, organisationName = organisation.Name });
            OutboxWriter.EnqueueEmail(db, time, organisation.Id, "membership_pending", email, message, $"membership_pending:{membership.Id}");
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person accepted twice at once: the unique index kept one; answer it.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await existingFor(organisation.Id) is { } winner ? winner : InvitationErrors.UsedUp;
        }

        signal.Notify();
        return new AcceptResponse(membership.Id, membership.Status);
    }
}
