namespace Kaifong.Messaging;

/// <summary>The kinds of message Kaifong sends; each has a template per language in Templates/.</summary>
public static class MessageKinds
{
    /// <summary>Model: displayName, link, organisationName (optional).</summary>
    public const string PasswordReset = "password_reset";

    /// <summary>Model: displayName, link, minutes (how long the link works).</summary>
    public const string MagicLink = "magic_link";

    /// <summary>Model: displayName, organisationName, link.</summary>
    public const string MembershipApproved = "membership_approved";

    /// <summary>To the joiner when the organisation approves members by hand. Model: displayName, organisationName.</summary>
    public const string MembershipPending = "membership_pending";

    public static readonly IReadOnlyList<string> All = [PasswordReset, MagicLink, MembershipApproved, MembershipPending];
}
