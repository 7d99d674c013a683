using Kaifong.Domain.Common;
using Kaifong.Domain.Scheduling;
using Kaifong.Domain.Signups;
using static Kaifong.Domain.Scheduling.SignupStatus;
using static Kaifong.Domain.Signups.SignupAction;

namespace Kaifong.Domain.Tests.Signups;

/// <summary>The sign-up state machine: every (state, action) pair against the table as the product describes it.</summary>
public class SignupMovesTests
{
    /// <summary>The expected table, written out by hand from docs/domain.md and the issue; null is "no sign-up yet".</summary>
    private static readonly (SignupStatus? From, Dictionary<SignupAction, SignupStatus> Moves)[] Expected =
    [
        (null, Restart()),
        (Cancelled, Restart()),
        (Declined, Restart()),
        (Proposed, new() { [Publish] = Assigned, [Decline] = Declined, [Cancel] = Cancelled }),
        (Assigned, new() { [Confirm] = Confirmed, [Decline] = Declined, [Cancel] = Cancelled, [CheckIn] = CheckedIn, [MarkNoShow] = NoShow }),
        (Confirmed, new() { [Cancel] = Cancelled, [CheckIn] = CheckedIn, [MarkNoShow] = NoShow }),
        (Waitlisted, new() { [Promote] = Assigned, [Cancel] = Cancelled, [TakeOver] = Confirmed }),
        (Standby, new() { [Promote] = Assigned, [Cancel] = Cancelled, [TakeOver] = Confirmed }),
        (CheckedIn, new() { [Complete] = Completed }),
        (Completed, new()),
        (NoShow, new()),
    ];

    private static Dictionary<SignupAction, SignupStatus> Restart() => new()
    {
        [SignUp] = Assigned, [JoinWaitlist] = Waitlisted, [StandBy] = Standby, [Propose] = Proposed, [TakeOver] = Confirmed,
    };

    private static Dictionary<SignupAction, SignupStatus> Moves(SignupStatus? from) => Expected.Single(e => e.From == from).Moves;

    private static Result<SignupStatus> Apply(SignupStatus? from, SignupAction action) =>
        from is { } f ? SignupMoves.Move(f, action) : SignupMoves.Start(action);

    public static TheoryData<SignupStatus?, SignupAction> EveryPair()
    {
        var data = new TheoryData<SignupStatus?, SignupAction>();
        foreach (var from in Enum.GetValues<SignupStatus>().Select(s => (SignupStatus?)s).Prepend(null))
        {
            foreach (var action in Enum.GetValues<SignupAction>())
            {
                data.Add(from, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_action_moves_as_the_table_says_or_is_refused_as_an_invalid_move(SignupStatus? from, SignupAction action)
    {
        var result = Apply(from, action);
        if (Moves(from).TryGetValue(action, out var to))
        {
            Assert.True(result.IsSuccess);
            Assert.Equal(to, result.Value);
        }
        else
        {
            Assert.False(result.IsSuccess);
            Assert.Equal("signup.invalid_move", result.Error!.Code);
            Assert.Equal(ErrorKind.Conflict, result.Error.Kind);
            Assert.StartsWith("Error.Signup", result.Error.MessageKey, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_expected_table_covers_every_state_and_the_built_table_has_nothing_more()
    {
        Assert.Equal(Enum.GetValues<SignupStatus>().Length + 1, Expected.Length);
        Assert.Equal(Expected.Sum(e => e.Moves.Count), SignupMoves.Table.Count);
        Assert.Equal(Expected.Length, Expected.Select(e => e.From).Distinct().Count());
    }

    [Fact]
    public void Nothing_moves_out_of_Completed_or_NoShow()
    {
        foreach (var action in Enum.GetValues<SignupAction>())
        {
            Assert.False(SignupMoves.Move(Completed, action).IsSuccess);
            Assert.False(SignupMoves.Move(NoShow, action).IsSuccess);
        }

        Assert.True(SignupMoves.IsFinal(Completed));
        Assert.True(SignupMoves.IsFinal(NoShow));
    }

    [Fact]
    public void Out_of_Cancelled_and_Declined_only_signing_up_again_is_allowed_and_it_behaves_as_a_first_sign_up()
    {
        foreach (var from in new[] { Cancelled, Declined })
        {
            foreach (var action in Enum.GetValues<SignupAction>())
            {
                var again = SignupMoves.Move(from, action);
                var first = SignupMoves.Start(action);
                Assert.Equal(first.IsSuccess, again.IsSuccess);
                Assert.Equal(first.Value, again.Value);
            }
        }
    }

    [Fact]
    public void Cancelling_twice_says_the_sign_up_is_already_cancelled()
    {
        var once = SignupMoves.Move(Assigned, Cancel);
        var twice = SignupMoves.Move(once.Value, Cancel);
        Assert.Equal(SignupErrors.AlreadyCancelled, twice.Error);
    }

    [Theory]
    [InlineData(CheckedIn, Cancel, "Error.SignupAlreadyAttended")]
    [InlineData(Completed, Confirm, "Error.SignupAlreadyAttended")]
    [InlineData(NoShow, CheckIn, "Error.SignupAlreadyAttended")]
    [InlineData(Declined, Confirm, "Error.SignupAlreadyCancelled")]
    [InlineData(Confirmed, Confirm, "Error.SignupInvalidMove")]
    [InlineData(Waitlisted, Confirm, "Error.SignupInvalidMove")]
    [InlineData(Assigned, SignUp, "Error.SignupInvalidMove")]
    public void A_refusal_says_whether_the_sign_up_is_cancelled_attended_or_simply_not_in_that_state(SignupStatus from, SignupAction action, string messageKey) =>
        Assert.Equal(messageKey, SignupMoves.Move(from, action).Error?.MessageKey);

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_move_frees_a_place_exactly_when_the_from_state_holds_one_and_the_to_state_does_not_and_takes_one_the_other_way_round(
        SignupStatus? from, SignupAction action)
    {
        var result = Apply(from, action);
        var heldBefore = from is { } f && SignupStatuses.HoldingPlace.Contains(f);
        var heldAfter = result.IsSuccess && SignupStatuses.HoldingPlace.Contains(result.Value);
        Assert.Equal(result.IsSuccess && heldBefore && !heldAfter, from is { } g && SignupMoves.FreesPlace(g, action));
        Assert.Equal(result.IsSuccess && !heldBefore && heldAfter, SignupMoves.TakesPlace(from, action));
    }

    [Fact]
    public void The_moves_that_give_a_place_back_are_cancelling_declining_and_no_show_from_a_held_place()
    {
        var freeing = SignupMoves.Table.Keys.Where(k => k.From is { } f && SignupMoves.FreesPlace(f, k.Action)).ToHashSet();
        Assert.Equal(
            new HashSet<(SignupStatus?, SignupAction)> { (Assigned, Cancel), (Confirmed, Cancel), (Assigned, Decline), (Assigned, MarkNoShow), (Confirmed, MarkNoShow) },
            freeing);
    }

    [Fact]
    public void Holding_a_place_is_the_states_counted_in_the_shifts_assigned_number()
    {
        var holding = Enum.GetValues<SignupStatus>().Where(SignupMoves.HoldsPlace);
        Assert.Equal([Assigned, Confirmed, CheckedIn, Completed], holding);
    }

    [Fact]
    public void Active_sign_ups_are_the_ones_still_in_play_and_final_or_withdrawn_ones_are_not()
    {
        Assert.Equal([Proposed, Assigned, Confirmed, Waitlisted, Standby, CheckedIn], Enum.GetValues<SignupStatus>().Where(SignupMoves.IsActive));
        Assert.All(Enum.GetValues<SignupStatus>(), s => Assert.False(SignupMoves.IsActive(s) && SignupMoves.IsFinal(s)));
    }

    [Fact]
    public void Every_state_but_the_final_ones_has_a_way_out_and_every_state_can_be_reached()
    {
        foreach (var s in Enum.GetValues<SignupStatus>().Where(s => !SignupMoves.IsFinal(s)))
        {
            Assert.Contains(SignupMoves.Table.Keys, k => k.From == s);
        }

        Assert.Equal(Enum.GetValues<SignupStatus>().Order(), SignupMoves.Table.Values.Distinct().Order());
    }

    [Theory]
    [InlineData(0, 10, false, SignUp)]
    [InlineData(9, 10, false, SignUp)]
    [InlineData(10, 10, true, JoinWaitlist)]
    [InlineData(11, 10, true, JoinWaitlist)]
    public void A_sign_up_takes_a_free_place_or_joins_the_waitlist_when_full(int assigned, int maximum, bool waitlist, SignupAction expected) =>
        Assert.Equal(expected, SignupMoves.ForCapacity(assigned, maximum, waitlist).Value);

    [Fact]
    public void A_full_shift_without_the_waitlist_is_refused_as_full() =>
        Assert.Equal("signup.full", SignupMoves.ForCapacity(10, 10, false).Error?.Code);

    [Fact]
    public void Only_the_person_or_staff_in_scope_may_act_on_a_sign_up()
    {
        var me = Guid.NewGuid();
        var other = Guid.NewGuid();
        Assert.Null(SignupMoves.ActingFor(me, me, false));
        Assert.Null(SignupMoves.ActingFor(me, other, true));
        Assert.Equal("signup.not_yours", SignupMoves.ActingFor(me, other, false)?.Code);
    }
}
