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

    /// <summary>To a person holding a shift whose time or venue changed. Model: displayName, organisationName, title, role, when, venue, previous, link.</summary>
    public const string ShiftChanged = "shift_changed";

    /// <summary>To a person holding a shift that was cancelled. Model: displayName, organisationName, title, role, when, venue, link.</summary>
    public const string ShiftCancelled = "shift_cancelled";

    /// <summary>To the first on a waitlist when a place frees. Model: displayName, organisationName, title, role, when, venue, confirmBy, link.</summary>
    public const string SignupPromoted = "signup_promoted";

    /// <summary>To a person a coordinator put on a shift. Model: displayName, organisationName, title, role, when, venue, confirmBy, link.</summary>
    public const string SignupAssigned = "signup_assigned";

    /// <summary>To the person who took a substitute place: it is theirs and confirmed. Model: displayName, organisationName, title, role, when, venue, link.</summary>
    public const string SignupConfirmed = "signup_confirmed";

    /// <summary>To each member offered a substitute request. Model: displayName, organisationName, title, role, when, venue, link.</summary>
    public const string SubstituteOffered = "substitute_offered";

    /// <summary>To the requester when someone took their place. Model: displayName, organisationName, title, role, when, link.</summary>
    public const string SubstituteTaken = "substitute_taken";

    /// <summary>To the others offered a request once it is taken or withdrawn. Model: displayName, organisationName, title, role, when, link.</summary>
    public const string SubstituteGone = "substitute_gone";

    /// <summary>To the coordinators in scope: places past their confirm-by time. Model: displayName, organisationName, count, lines, offered, link.</summary>
    public const string UnconfirmedPlaces = "unconfirmed_places";

    public static readonly IReadOnlyList<string> All =
    [
        PasswordReset, MagicLink, MembershipApproved, MembershipPending, ShiftChanged, ShiftCancelled, SignupPromoted, SignupAssigned,
        SignupConfirmed, SubstituteOffered, SubstituteTaken, SubstituteGone, UnconfirmedPlaces,
    ];
}
