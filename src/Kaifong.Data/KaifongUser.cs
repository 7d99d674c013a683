using Kaifong.Domain.Common;
using Kaifong.Domain.People;
using Microsoft.AspNetCore.Identity;

namespace Kaifong.Data;

/// <summary>A person's account: one across all their organisations. Contact details are PhoneNumber (E.164) and Email.</summary>
public sealed class KaifongUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public string Language { get; set; } = Languages.Default;
    public District? District { get; set; }

    /// <summary>About 125 % text for people who need it; the whole layout follows.</summary>
    public bool LargeText { get; set; }

    /// <summary>Asked only where an activity type sets a minimum age (collect the minimum).</summary>
    public DateOnly? BirthDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Skills the person says they have (self-declared, unverified).</summary>
    public List<UserSkill> Skills { get; init; } = [];
}

public sealed class UserSkill
{
    public Guid UserId { get; init; }
    public required string Name { get; init; }
}

public enum SessionKind
{
    Cookie = 1,
    Bearer = 2,
}

/// <summary>
/// One signed-in session: a browser cookie, or a bearer token family (every access and refresh token descended from
/// one login). The row existing is what keeps the session alive: signing out deletes it, and a replayed refresh token
/// deletes its whole family. <see cref="RefreshId"/> names the one refresh token that may be used next.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public SessionKind Kind { get; init; }
    public Guid? RefreshId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the session's cookie or newest refresh token runs out; rows past it are swept at the next sign-in.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
