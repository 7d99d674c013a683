using System.Globalization;

namespace Kaifong.Rostering;

/// <summary>Checks a parsed problem for values the format forbids: unknown ids, negative numbers, days outside the
/// horizon, contradictory limits. The first fault found is thrown, naming its field.</summary>
public static class ProblemValidator
{
    public const int MaxDays = 3660;

    public static void Validate(RosterProblem p)
    {
        ArgumentNullException.ThrowIfNull(p);
        ParseDate(p.Start, "start");
        if (p.Days < 1 || p.Days > MaxDays)
        {
            throw new RosterInputException("days", $"must be between 1 and {MaxDays}, was {p.Days}");
        }
        NotNegative(p.MinRestMinutes, "minRestMinutes");
        NotNegative(p.ChangeWeight, "changeWeight");
        NotNegative(p.FairnessWeight, "fairnessWeight");

        var shiftIds = new HashSet<string>(StringComparer.Ordinal);
        var types = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.Shifts.Count; i++)
        {
            var s = p.Shifts[i];
            var f = $"shifts[{i}]";
            Id(s.Id, $"{f}.id", shiftIds, "shift");
            if (s.Day < 0 || s.Day >= p.Days)
            {
                throw new RosterInputException($"{f}.day", $"{s.Day} is outside the horizon (0 to {p.Days - 1})");
            }
            types.Add(s.Type);
            if (s.Start is not null)
            {
                ParseTime(s.Start, $"{f}.start");
            }
            if (s.End is not null)
            {
                ParseTime(s.End, $"{f}.end");
            }
            if ((s.Start is null) != (s.End is null))
            {
                throw new RosterInputException(s.Start is null ? $"{f}.start" : $"{f}.end", "start and end go together: give both or neither");
            }
            NotNegative(s.Minimum, $"{f}.minimum");
            NotNegative(s.TargetOrMinimum, $"{f}.target");
            NotNegative(s.UnderWeight, $"{f}.underWeight");
            NotNegative(s.OverWeight, $"{f}.overWeight");
            if (s.Maximum is { } max)
            {
                NotNegative(max, $"{f}.maximum");
                if (s.Minimum > max)
                {
                    throw new RosterInputException($"{f}.minimum", $"minimum {s.Minimum} is more than maximum {max}");
                }
            }
            Strings(s.Skills, $"{f}.skills");
        }

        var volunteerIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.Volunteers.Count; i++)
        {
            var v = p.Volunteers[i];
            var f = $"volunteers[{i}]";
            Id(v.Id, $"{f}.id", volunteerIds, "volunteer");
            Strings(v.Skills, $"{f}.skills");
            NotNegative(v.MaxShifts, $"{f}.maxShifts");
            foreach (var (type, limit) in v.MaxShiftsPerType)
            {
                NotNegative(limit, $"{f}.maxShiftsPerType.{type}");
            }
            NotNegative(v.MinMinutes, $"{f}.minMinutes");
            NotNegative(v.MaxMinutes, $"{f}.maxMinutes");
            if (v.MaxMinutes is { } maxMinutes && v.MinMinutes > maxMinutes)
            {
                throw new RosterInputException($"{f}.minMinutes", $"minMinutes {v.MinMinutes} is more than maxMinutes {maxMinutes}");
            }
            NotNegative(v.MaxConsecutiveDays, $"{f}.maxConsecutiveDays");
            NotNegative(v.MinConsecutiveDays, $"{f}.minConsecutiveDays");
            NotNegative(v.MinConsecutiveDaysOff, $"{f}.minConsecutiveDaysOff");
            NotNegative(v.MaxWeekends, $"{f}.maxWeekends");
            if (v is { MinConsecutiveDays: { } minRun, MaxConsecutiveDays: { } maxRun } && minRun > maxRun)
            {
                throw new RosterInputException($"{f}.minConsecutiveDays", $"minConsecutiveDays {minRun} is more than maxConsecutiveDays {maxRun}");
            }
            for (var k = 0; k < v.UnavailableDays.Count; k++)
            {
                var day = v.UnavailableDays[k];
                if (day < 0 || day >= p.Days)
                {
                    throw new RosterInputException($"{f}.unavailableDays[{k}]", $"{day} is outside the horizon (0 to {p.Days - 1})");
                }
            }
            for (var k = 0; k < v.UnavailableShifts.Count; k++)
            {
                KnownShift(v.UnavailableShifts[k], $"{f}.unavailableShifts[{k}]", shiftIds);
            }
            Weighted(v.Wants, $"{f}.wants", shiftIds);
            Weighted(v.Avoids, $"{f}.avoids", shiftIds);
        }

        for (var i = 0; i < p.ForbiddenNextDay.Count; i++)
        {
            var r = p.ForbiddenNextDay[i];
            if (!types.Contains(r.Type))
            {
                throw new RosterInputException($"forbiddenNextDay[{i}].type", $"no shift has type \"{r.Type}\"");
            }
            if (!types.Contains(r.Next))
            {
                throw new RosterInputException($"forbiddenNextDay[{i}].next", $"no shift has type \"{r.Next}\"");
            }
        }
        Pairs(p.Locked, "locked", shiftIds, volunteerIds);
        Pairs(p.Previous, "previous", shiftIds, volunteerIds);
    }

    public static DateOnly ParseDate(string value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new RosterInputException(field, $"\"{value}\" is not a date like 2026-12-07");

    /// <summary>Minutes after midnight of "HH:mm"; "24:00" is allowed as an end.</summary>
    public static int ParseTime(string value, string field)
    {
        if (value == "24:00")
        {
            return 1440;
        }
        return TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t.Hour * 60 + t.Minute
            : throw new RosterInputException(field, $"\"{value}\" is not a time like 09:00");
    }

    private static void Id(string id, string field, HashSet<string> seen, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new RosterInputException(field, "may not be empty");
        }
        if (!seen.Add(id))
        {
            throw new RosterInputException(field, $"{what} id \"{id}\" appears twice");
        }
    }

    private static void KnownShift(string id, string field, HashSet<string> shiftIds)
    {
        if (!shiftIds.Contains(id))
        {
            throw new RosterInputException(field, $"unknown shift id \"{id}\"");
        }
    }

    private static void Weighted(IReadOnlyList<WeightedShift> list, string field, HashSet<string> shiftIds)
    {
        for (var k = 0; k < list.Count; k++)
        {
            KnownShift(list[k].Shift, $"{field}[{k}].shift", shiftIds);
            NotNegative(list[k].Weight, $"{field}[{k}].weight");
        }
    }

    private static void Pairs(IReadOnlyList<ShiftVolunteer> list, string field, HashSet<string> shiftIds, HashSet<string> volunteerIds)
    {
        for (var k = 0; k < list.Count; k++)
        {
            KnownShift(list[k].Shift, $"{field}[{k}].shift", shiftIds);
            if (!volunteerIds.Contains(list[k].Volunteer))
            {
                throw new RosterInputException($"{field}[{k}].volunteer", $"unknown volunteer id \"{list[k].Volunteer}\"");
            }
        }
    }

    private static void Strings(IReadOnlyList<string> list, string field)
    {
        for (var k = 0; k < list.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(list[k]))
            {
                throw new RosterInputException($"{field}[{k}]", "may not be empty");
            }
        }
    }

    private static void NotNegative(long? value, string field)
    {
        if (value < 0)
        {
            throw new RosterInputException(field, $"may not be negative (was {value})");
        }
    }
}
