using Kaifong.Domain.Common;

namespace Kaifong.Domain.Signups;

/// <summary>
/// An organisation's rules for filling shifts: how many shifts a person may take a week and a month (null = no limit),
/// the rest between two shifts, how long people have to confirm, how close to the start a cancellation is "late", and
/// whether a place left unconfirmed past its confirm-by time is offered on to others (as a substitute request).
/// </summary>
public sealed record FillingPolicy(
    int? WeeklyShiftLimit, int? MonthlyShiftLimit, int MinRestMinutes, int? ConfirmationHours, int? LateCancellationHours, bool OfferUnconfirmedPlaces = false)
{
    public const int MaxShiftLimit = 200;
    public const int MaxRestMinutes = 24 * 60;
    public const int MaxConfirmationHours = 14 * 24;
    public const int MaxCutoffHours = 7 * 24;

    private static readonly Error Limit = new("validation", "Error.PolicyLimit", Args: [1, MaxShiftLimit]);

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (WeeklyShiftLimit is < 1 or > MaxShiftLimit)
        {
            errors.Add(Limit with { Field = "weeklyShiftLimit" });
        }

        if (MonthlyShiftLimit is < 1 or > MaxShiftLimit)
        {
            errors.Add(Limit with { Field = "monthlyShiftLimit" });
        }

        if (MinRestMinutes is < 0 or > MaxRestMinutes)
        {
            errors.Add(new Error("validation", "Error.PolicyRange", Field: "minRestMinutes", Args: [0, MaxRestMinutes]));
        }

        if (ConfirmationHours is < 1 or > MaxConfirmationHours)
        {
            errors.Add(new Error("validation", "Error.PolicyRange", Field: "confirmationHours", Args: [1, MaxConfirmationHours]));
        }

        if (LateCancellationHours is < 0 or > MaxCutoffHours)
        {
            errors.Add(new Error("validation", "Error.PolicyRange", Field: "lateCancellationHours", Args: [0, MaxCutoffHours]));
        }

        return errors;
    }
}
