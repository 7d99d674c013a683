using System.Globalization;

namespace Kaifong.Rostering;

/// <summary>Builds the explanation of a roster from the data: for each place left unfilled, why each volunteer who was
/// not put there could not (or should not) be; for an infeasible problem, the conflicting rules from the solver's core.</summary>
internal static class Explainer
{
    private static readonly string[] ReasonOrder =
    [
        "maximum", "lacksSkill", "unavailableDays", "unavailableShifts", "busy", "maxShifts", "maxShiftsPerType", "maxMinutes",
        "forbiddenNextDay", "maxConsecutiveDays", "maxWeekends", "minConsecutiveDaysOff", "tradeOff",
    ];

    public static (List<Unfilled> Unfilled, List<ExplanationItem> Items) Unfilled(
        Instance c, IReadOnlyCollection<(int Shift, int Volunteer)> roster, string language)
    {
        var state = new GreedyState(c);
        foreach (var (s, v) in roster)
        {
            state.Assign(s, v);
        }
        var unfilled = new List<Unfilled>();
        var items = new List<ExplanationItem>();
        for (var s = 0; s < c.S; s++)
        {
            var missing = c.Target[s] - state.Count[s];
            if (missing <= 0)
            {
                continue;
            }
            var id = c.Shift(s).Id;
            unfilled.Add(new Unfilled(id, missing));
            items.Add(ExplainShift(c, state, s, missing, language));
        }
        return (unfilled, items);
    }

    private static ExplanationItem ExplainShift(Instance c, GreedyState state, int s, int missing, string language)
    {
        var spec = c.Shift(s);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var skills = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var eligible = c.EligibleFor[s].ToHashSet();
        for (var v = 0; v < c.V; v++)
        {
            if (state.Has(s, v))
            {
                continue;
            }
            var vol = c.Vol(v);
            string reason;
            if (!eligible.Contains(v))
            {
                var lacking = spec.Skills.FirstOrDefault(k => !vol.Skills.Contains(k));
                if (lacking is not null)
                {
                    reason = "lacksSkill";
                    skills[lacking] = skills.GetValueOrDefault(lacking) + 1;
                }
                else
                {
                    reason = vol.UnavailableDays.Contains(spec.Day) ? "unavailableDays" : "unavailableShifts";
                }
            }
            else
            {
                reason = state.Blocker(s, v) ?? "tradeOff";
            }
            counts[reason] = counts.GetValueOrDefault(reason) + 1;
        }

        var sep = Messages.ListSeparator(language);
        var parts = new List<string>();
        var args = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["shift"] = spec.Id,
            ["date"] = c.StartDate.AddDays(spec.Day).ToString("d/M", CultureInfo.InvariantCulture),
            ["type"] = spec.Type,
            ["time"] = spec.Start is null ? "" : $"{spec.Start}–{spec.End}",
            ["missing"] = Messages.Number(missing),
        };
        if (c.V == 0)
        {
            parts.Add(Messages.Template("reason.none", language));
        }
        foreach (var reason in ReasonOrder)
        {
            if (!counts.TryGetValue(reason, out var n))
            {
                continue;
            }
            args[reason] = Messages.Number(n);
            if (reason == "lacksSkill")
            {
                foreach (var (skill, k) in skills)
                {
                    parts.Add(Messages.Render("reason.lacksSkill", new Dictionary<string, string> { ["count"] = Messages.Number(k), ["skill"] = skill }, language));
                    args["lacks:" + skill] = Messages.Number(k);
                }
                continue;
            }
            parts.Add(Messages.Render("reason." + reason, new Dictionary<string, string> { ["count"] = Messages.Number(n) }, language));
        }
        args["reasons"] = string.Join(sep, parts);
        var text = Messages.Render("shift.unfilled", args, language);
        args.Remove("reasons");
        return new ExplanationItem { Code = "shift.unfilled", Shift = spec.Id, Args = args, Text = text };
    }

    public static RuleRef Describe(Instance c, RuleRef rule, string language)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["volunteer"] = rule.Volunteer ?? "",
            ["shift"] = rule.Shift ?? "",
            ["value"] = RuleValue(c, rule),
        };
        return rule with { Text = Messages.Render("rule." + rule.Rule, args, language) };
    }

    private static string RuleValue(Instance c, RuleRef rule)
    {
        var v = rule.Volunteer is { } vid ? c.Vol(c.VolunteerIndex[vid]) : null;
        var s = rule.Shift is { } sid ? c.Shift(c.ShiftIndex[sid]) : null;
        long? value = rule.Rule switch
        {
            "minimum" => s?.Minimum,
            "maximum" => s?.Maximum,
            "maxShifts" => v?.MaxShifts,
            "minMinutes" => v?.MinMinutes,
            "maxMinutes" => v?.MaxMinutes,
            "maxConsecutiveDays" => v?.MaxConsecutiveDays,
            "minConsecutiveDays" => v?.MinConsecutiveDays,
            "minConsecutiveDaysOff" => v?.MinConsecutiveDaysOff,
            "maxWeekends" => v?.MaxWeekends,
            "minRestMinutes" => c.Problem.MinRestMinutes,
            _ => null,
        };
        return value is { } n ? Messages.Number(n) : "";
    }

    public static ExplanationItem Conflict(Instance c, IReadOnlyList<RuleRef> rules, string language)
    {
        var described = rules.Select(r => Describe(c, r, language)).ToList();
        var args = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rules"] = string.Join(Messages.ListSeparator(language), described.Select(r => r.Text)),
        };
        return new ExplanationItem
        {
            Code = "infeasible.conflict",
            Args = args,
            Rules = described,
            Text = Messages.Render("infeasible.conflict", args, language),
        };
    }

    public static ExplanationItem Simple(string code, string language, Dictionary<string, string>? args = null)
    {
        args ??= [];
        return new ExplanationItem { Code = code, Args = args, Text = Messages.Render(code, args, language) };
    }
}
