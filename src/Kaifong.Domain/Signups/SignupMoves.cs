using System.Collections.Frozen;
using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;

namespace Kaifong.Domain.Signups;

/// <summary>What someone does to a sign-up: the volunteer, the coordinator, the auto-roster or the event lead.</summary>
public enum SignupAction
{
    /// <summary>報名 (or a coordinator assigns someone) while the shift has a free place: the person is on the shift.</summary>
    SignUp,

    /// <summary>報名 when the shift is full: the person joins the waitlist (候補).</summary>
    JoinWaitlist,

    /// <summary>The person offers to be a backup (後備), called on after the waitlist.</summary>
    StandBy,

    /// <summary>The auto-roster or a coordinator puts the person on the draft roster (草稿), not yet published.</summary>
    Propose,

    /// <summary>The coordinator publishes the roster: the draft place becomes a real one.</summary>
    Publish,

    /// <summary>確認出席: the person says they will come.</summary>
    Confirm,

    /// <summary>婉拒: the person says no to a place they were given but never accepted.</summary>
    Decline,

    /// <summary>取消: the person (or a coordinator) takes them off the shift, the waitlist or the draft.</summary>
    Cancel,

    /// <summary>A place came free: the first on the waitlist (or a backup) moves up.</summary>
    Promote,

    /// <summary>尋找替班: the person accepted someone's substitute request; accepting is itself the confirmation.</summary>
    TakeOver,

    /// <summary>簽到 at the venue or by the event lead.</summary>
    CheckIn,

    /// <summary>The shift is over for someone who checked in: their hours count.</summary>
    Complete,

    /// <summary>缺席: the event lead records that the person did not come.</summary>
    MarkNoShow,
}

/// <summary>
/// The sign-up (報名 / 編更) state machine as one table. A person has at most one sign-up per shift, so a cancelled or
/// declined sign-up is reused when they sign up again: from Cancelled and Declined the same "start" moves are allowed as
/// from no sign-up at all, and each of them passes the full eligibility, conflict and capacity checks again.
/// There is deliberately no "reinstate" move: a coordinator undoing a cancellation assigns the person again (SignUp,
/// or JoinWaitlist when the place has gone to the waitlist meanwhile), because restoring the old state without the
/// checks could overbook a place the waitlist already took. Completed and NoShow are final.
/// </summary>
public static class SignupMoves
{
    private static readonly SignupStatus?[] Restartable = [null, SignupStatus.Cancelled, SignupStatus.Declined];

    /// <summary>The table: (from, action) → to. A null "from" is a person with no sign-up on the shift yet.</summary>
    public static readonly FrozenDictionary<(SignupStatus? From, SignupAction Action), SignupStatus> Table = Build().ToFrozenDictionary();

    private static Dictionary<(SignupStatus?, SignupAction), SignupStatus> Build()
    {
        var t = new Dictionary<(SignupStatus?, SignupAction), SignupStatus>();
        void Add(SignupAction action, SignupStatus to, params SignupStatus?[] from)
        {
            foreach (var f in from)
            {
                t.Add((f, action), to);
            }
        }

        Add(SignupAction.SignUp, SignupStatus.Assigned, Restartable);
        Add(SignupAction.JoinWaitlist, SignupStatus.Waitlisted, Restartable);
        Add(SignupAction.StandBy, SignupStatus.Standby, Restartable);
        Add(SignupAction.Propose, SignupStatus.Proposed, Restartable);
        Add(SignupAction.TakeOver, SignupStatus.Confirmed, [.. Restartable, SignupStatus.Waitlisted, SignupStatus.Standby]);
        Add(SignupAction.Publish, SignupStatus.Assigned, SignupStatus.Proposed);
        Add(SignupAction.Confirm, SignupStatus.Confirmed, SignupStatus.Assigned);
        Add(SignupAction.Decline, SignupStatus.Declined, SignupStatus.Proposed, SignupStatus.Assigned);
        Add(SignupAction.Cancel, SignupStatus.Cancelled,
            SignupStatus.Proposed, SignupStatus.Assigned, SignupStatus.Confirmed, SignupStatus.Waitlisted, SignupStatus.Standby);
        Add(SignupAction.Promote, SignupStatus.Assigned, SignupStatus.Waitlisted, SignupStatus.Standby);
        Add(SignupAction.CheckIn, SignupStatus.CheckedIn, SignupStatus.Assigned, SignupStatus.Confirmed);
        Add(SignupAction.Complete, SignupStatus.Completed, SignupStatus.CheckedIn);
        Add(SignupAction.MarkNoShow, SignupStatus.NoShow, SignupStatus.Assigned, SignupStatus.Confirmed);
        return t;
    }

    /// <summary>Where <paramref name="action"/> takes a sign-up in <paramref name="from"/>; anything not in the table is refused.</summary>
    public static Result<SignupStatus> Move(SignupStatus from, SignupAction action) => Lookup(from, action);

    /// <summary>The state of a new sign-up made by <paramref name="action"/> (SignUp, JoinWaitlist, StandBy, Propose, TakeOver).</summary>
    public static Result<SignupStatus> Start(SignupAction action) => Lookup(null, action);

    private static Result<SignupStatus> Lookup(SignupStatus? from, SignupAction action) =>
        Table.TryGetValue((from, action), out var to) ? to : Refusal(from);

    /// <summary>The refusal says plainly when the sign-up was already cancelled or attendance is already recorded.</summary>
    private static Error Refusal(SignupStatus? from) => from switch
    {
        SignupStatus.Cancelled or SignupStatus.Declined => SignupErrors.AlreadyCancelled,
        SignupStatus.CheckedIn or SignupStatus.Completed or SignupStatus.NoShow => SignupErrors.AlreadyAttended,
        _ => SignupErrors.InvalidMove,
    };

    /// <summary>Whether the person holds one of the shift's places (counted in <see cref="Shift.Assigned"/>).</summary>
    public static bool HoldsPlace(SignupStatus status) => SignupStatuses.HoldingPlace.Contains(status);

    /// <summary>
    /// Whether the sign-up is still live: the person is on the draft, the shift, the waitlist or the backups, or is there now.
    /// A person with an active sign-up who signs up again gets that sign-up back (a double tap signs up once).
    /// </summary>
    public static bool IsActive(SignupStatus status) => status is
        SignupStatus.Proposed or SignupStatus.Assigned or SignupStatus.Confirmed or SignupStatus.Waitlisted
        or SignupStatus.Standby or SignupStatus.CheckedIn;

    /// <summary>Whether nothing more can happen to the sign-up.</summary>
    public static bool IsFinal(SignupStatus status) => status is SignupStatus.Completed or SignupStatus.NoShow;

    /// <summary>
    /// Whether the move gives a place back: the caller then moves the first on the waitlist up (before the start).
    /// True exactly when the sign-up held a place before and does not after.
    /// </summary>
    public static bool FreesPlace(SignupStatus from, SignupAction action) =>
        Move(from, action) is { IsSuccess: true, Value: var to } && HoldsPlace(from) && !HoldsPlace(to);

    /// <summary>Whether the move needs a free place (the caller takes it with a conditional update, or refuses <c>signup.full</c>).</summary>
    public static bool TakesPlace(SignupStatus? from, SignupAction action) =>
        Lookup(from, action) is { IsSuccess: true, Value: var to } && !(from is { } f && HoldsPlace(f)) && HoldsPlace(to);

    /// <summary>
    /// How a sign-up goes in given the shift's places: SignUp while one is free, else JoinWaitlist when the person
    /// accepts the waitlist, else <c>signup.full</c>.
    /// </summary>
    public static Result<SignupAction> ForCapacity(int assigned, int maximum, bool waitlistWhenFull) =>
        assigned < maximum ? SignupAction.SignUp
        : waitlistWhenFull ? SignupAction.JoinWaitlist
        : SignupErrors.Full;

    /// <summary>
    /// Only the person themselves confirms, declines or cancels their own place (staff in scope may act for them);
    /// anyone else gets <c>signup.not_yours</c>.
    /// </summary>
    public static Error? ActingFor(Guid signupMembershipId, Guid actorMembershipId, bool actorIsStaffInScope) =>
        signupMembershipId == actorMembershipId || actorIsStaffInScope ? null : SignupErrors.NotYours;
}
