using System.Globalization;
using Kaifong.Domain.Common;
using Kaifong.Domain.People;
using Kaifong.Domain.Scheduling;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Features.Scheduling.Board;

/// <summary>
/// The filters the calendar, the board and their JSON share: programme, district, activity type and state, read from the
/// query string (programme, district, type, state). Bad values are errors for the JSON and simply left out on the pages.
/// </summary>
public sealed record BoardFilters(Guid? ProgrammeId, District? District, Guid? ActivityTypeId, string? State)
{
    /// <summary>The states a shift can be in on the calendars: the four fill states and "Cancelled".</summary>
    public const string Cancelled = "Cancelled";

    public static readonly IReadOnlyList<string> States = [.. Enum.GetNames<FillState>(), Cancelled];

    public static (BoardFilters Filters, IReadOnlyList<Error> Errors) Parse(string? programme, string? district, string? type, string? state)
    {
        var errors = new List<Error>();
        Guid? programmeId = ParseId(programme, "programme", errors);
        Guid? typeId = ParseId(type, "type", errors);
        District? d = null;
        if (!string.IsNullOrWhiteSpace(district))
        {
            if (Districts.TryParse(district, out var parsed))
            {
                d = parsed;
            }
            else
            {
                errors.Add(SchedulingErrors.UnknownDistrict.WithField("district"));
            }
        }

        string? s = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            s = States.FirstOrDefault(x => string.Equals(x, state.Trim(), StringComparison.OrdinalIgnoreCase));
            if (s is null)
            {
                errors.Add(new Error("validation", "Error.Invalid", Field: "state"));
            }
        }

        return (new BoardFilters(programmeId, d, typeId, s), errors);
    }

    /// <summary>The query for ScheduleQueries: cancelled shifts included (the calendars show them struck through).</summary>
    public ShiftFilter ToShiftFilter(DateOnly from, DateOnly to) =>
        new(from, to, ProgrammeId, State is null or Cancelled ? [] : [Enum.Parse<FillState>(State)], District, ActivityTypeId, IncludeCancelled: true);

    /// <summary>What ScheduleQueries cannot filter itself: "Cancelled" alone.</summary>
    public IEnumerable<ShiftDto> Apply(IEnumerable<ShiftDto> shifts) => State == Cancelled ? shifts.Where(s => s.Cancelled) : shifts;

    /// <summary>The filters as query parameters (programme, district, type, state), for links and the JSON URL.</summary>
    public IEnumerable<KeyValuePair<string, string>> Query()
    {
        if (ProgrammeId is { } p)
        {
            yield return new("programme", p.ToString());
        }

        if (District is { } d)
        {
            yield return new("district", d.ToString());
        }

        if (ActivityTypeId is { } t)
        {
            yield return new("type", t.ToString());
        }

        if (State is { } s)
        {
            yield return new("state", s);
        }
    }

    public bool Any => ProgrammeId is not null || District is not null || ActivityTypeId is not null || State is not null;

    private static Guid? ParseId(string? text, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Guid.TryParse(text.Trim(), out var id))
        {
            return id;
        }

        errors.Add(new Error("validation", "Error.Invalid", Field: field));
        return null;
    }
}

/// <summary>How a shift's state reads: the state word and the count ("缺人 1/4"), never colour alone.</summary>
public static class ShiftText
{
    public static string StateName(ShiftDto s) => s.Cancelled ? BoardFilters.Cancelled : s.State.ToString();

    /// <summary>"缺人 1/4": people held against the target; against the maximum once past the target.</summary>
    public static string Label(ShiftDto s, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(l);
        if (s.Cancelled)
        {
            return l["State.Cancelled"];
        }

        var of = s.State == FillState.Full || s.Assigned > s.Target ? s.Maximum : s.Target;
        return string.Create(CultureInfo.InvariantCulture, $"{l[$"State.{s.State}"]} {s.Assigned}/{of}");
    }

    /// <summary>"09:00–12:00" in the organisation's zone (the DTO's times already are).</summary>
    public static string Times(ShiftDto s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Start:HH:mm}–{s.End:HH:mm}");
}
