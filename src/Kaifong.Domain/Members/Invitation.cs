using Kaifong.Domain.Common;

namespace Kaifong.Domain.Members;

/// <summary>An invitation link to join an organisation: expiry, maximum uses and approval.</summary>
public sealed class Invitation : IOrganisationOwned
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);
    public const int MaxMaxUses = 10_000;

    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Token { get; init; }
    public MemberRoles Role { get; init; }
    public List<Guid> ProgrammeIds { get; init; } = [];
    public bool RequiresApproval { get; init; } = true;
    public DateTimeOffset ExpiresAt { get; init; }
    public int? MaxUses { get; init; }
    public int Uses { get; set; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why this link can no longer be used, or null if it can.</summary>
    public Error? WhyUnusable(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationErrors.Revoked
        : now >= ExpiresAt ? InvitationErrors.Expired
        : MaxUses is { } max && Uses >= max ? InvitationErrors.UsedUp
        : null;
}

public sealed record NewInvitation(MemberRoles Role, IReadOnlyList<Guid> ProgrammeIds, bool RequiresApproval, DateTimeOffset ExpiresAt, int? MaxUses);

public static class InvitationErrors
{
    public static readonly Error NotFound = new("not_found", "Error.InvitationNotFound", ErrorKind.NotFound);
    public static readonly Error Expired = new("invitation.expired", "Error.InvitationExpired", ErrorKind.Gone);
    public static readonly Error UsedUp = new("invitation.used_up", "Error.InvitationUsedUp", ErrorKind.Gone);
    public static readonly Error Revoked = new("invitation.revoked", "Error.InvitationRevoked", ErrorKind.Gone);
    public static readonly Error RoleInvalid = new("validation", "Error.UnknownRole", Field: "role");
    public static readonly Error ExpiryInPast = new("validation", "Error.ExpiryInPast", Field: "expiresAt");
    public static readonly Error ExpiryTooFar = new("validation", "Error.ExpiryTooFar", Field: "expiresAt");
    public static readonly Error MaxUsesInvalid = new("validation", "Error.MaxUsesInvalid", Field: "maxUses", Args: [Invitation.MaxMaxUses]);
    public static readonly Error NotAllowed = new("forbidden", "Error.InviteNotAllowed", ErrorKind.Forbidden);

    public static (NewInvitation? Value, IReadOnlyList<Error> Errors) Validate(
        string? role, IReadOnlyList<Guid>? programmeIds, bool? requiresApproval, DateTimeOffset? expiresAt, int? maxUses, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (!MemberRoleNames.TryParseOne(role ?? nameof(MemberRoles.Volunteer), out var r))
        {
            errors.Add(RoleInvalid);
        }

        var expiry = expiresAt ?? now + Invitation.DefaultLifetime;
        if (expiry <= now)
        {
            errors.Add(ExpiryInPast);
        }
        else if (expiry - now > Invitation.MaxLifetime)
        {
            errors.Add(ExpiryTooFar);
        }

        if (maxUses is < 1 or > Invitation.MaxMaxUses)
        {
            errors.Add(MaxUsesInvalid);
        }

        return errors.Count == 0
            ? (new NewInvitation(r, programmeIds?.Distinct().ToArray() ?? [], requiresApproval ?? true, expiry.ToUniversalTime(), maxUses), errors)
            : (null, errors);
    }
}
