using System.Globalization;
using System.Text;

namespace Kaifong.Rostering.Bench;

/// <summary>Turns bench/results/*.csv into the Markdown tables of bench/README.md.</summary>
public static class Report
{
    /// <summary>The instances kept in the repository, beside bench/results.</summary>
    public static string DefaultDataDir(string resultsDir) => Path.Combine(resultsDir, "..", "instances", "curtois");

    /// <summary>Best known upper bound (UB) and lower bound (LB) of Curtois &amp; Qu, read from the "Reference values"
    /// table of the README kept beside the instances (bench/instances/curtois/README.md).</summary>
    public static IReadOnlyDictionary<int, (long Ub, long? Lb)> BestKnown(string dataDir)
    {
        var table = new Dictionary<int, (long, long?)>();
        foreach (var line in File.ReadLines(Path.Combine(dataDir, "README.md")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length == 5 && int.TryParse(cells[1], CultureInfo.InvariantCulture, out var n)
                && long.TryParse(cells[2], CultureInfo.InvariantCulture, out var ub))
            {
                table[n] = (ub, long.TryParse(cells[3], CultureInfo.InvariantCulture, out var lb) ? lb : null);
            }
        }
        return table;
    }

    /// <summary>Round 2 (issue 12: the LNS engine), 60 s each: Curtois and the NGO months, with both bounds and the
    /// time to reach within 1 % of the final objective.</summary>
    public static string RenderRound2(string dir, string dataDir)
    {
        var bestKnown = BestKnown(dataDir);
        var sb = new StringBuilder();
        sb.AppendLine("| instance | best known (LB) | objective | gap to best % | bound | CP-SAT bound | Lagrangian bound | first feasible s | within 1 % s | seconds | peak MB | roster from |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        var rows = Rows(Path.Combine(dir, "curtois-r2-60s.csv"));
        for (var i = 1; i <= 24; i++)
        {
            var (ub, lb) = bestKnown[i];
            sb.Append(CultureInfo.InvariantCulture, $"| {i} | {ub} ({(lb is { } l ? l.ToString(CultureInfo.InvariantCulture) : "–")}) ");
            if (!rows.TryGetValue($"Instance{i}", out var r))
            {
                sb.AppendLine("| not run | | | | | | | | | |");
                continue;
            }
            var gap = long.TryParse(r["objective"], CultureInfo.InvariantCulture, out var o) ? (100.0 * (o - ub) / ub).ToString("0.0", CultureInfo.InvariantCulture) : "–";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {Objective(r)} | {gap} | {Dash(r["bound"])} | {Dash(r["cpSatBound"])} | {Dash(r["lagrangianBound"])} | {Dash(r["firstFeasibleSeconds"])} | {Dash(r["within1PercentSeconds"])} | {Dash(r["seconds"])} | {Dash(r["peakMB"])} | {Dash(r["engine"])} |");
        }
        sb.AppendLine();
        sb.AppendLine("| instance | status | objective | bound | gap % | CP-SAT bound | Lagrangian bound | first feasible s | within 1 % s | seconds | fill rate | load spread | peak MB | roster from |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in Lines(Path.Combine(dir, "ngo-r2.csv")))
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r["instance"]} | {r["status"]} | {Objective(r)} | {Dash(r["bound"])} | {Dash(r["gapPercent"])} | {Dash(r["cpSatBound"])} | {Dash(r["lagrangianBound"])} | {Dash(r["firstFeasibleSeconds"])} | {Dash(r["within1PercentSeconds"])} | {Dash(r["seconds"])} | {Fill(r)} | {Dash(r["loadSpread"])} | {Dash(r["peakMB"])} | {r["engine"]} |");
        }
        return sb.ToString();
    }

    private static string Objective(Dictionary<string, string> r)
    {
        var status = r["status"] == "Optimal" ? " (optimal)" : r["status"] is "Feasible" ? "" : $" ({r["status"]})";
        var check = r["check"] is "ok" or "" || r["status"] is not ("Optimal" or "Feasible") ? "" : " ✗" + r["check"];
        return Dash(r["objective"]) + status + check;
    }

    private static string Fill(Dictionary<string, string> r) =>
        double.TryParse(r["fillRate"], CultureInfo.InvariantCulture, out var f) ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    /// <summary>Round 1 (issue 5: CP-SAT's portfolio on the whole model), kept for comparison.</summary>
    public static string Render(string dir, string dataDir)
    {
        var bestKnown = BestKnown(dataDir);
        var sb = new StringBuilder();
        var ten = Rows(Path.Combine(dir, "curtois-10s.csv"));
        var sixty = Rows(Path.Combine(dir, "curtois-60s.csv"));
        sb.AppendLine("| instance | best known (LB) | 10 s: objective | bound | gap to best % | first feasible s | peak MB | 60 s: objective | bound | gap to best % | first feasible s | peak MB |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (var i = 1; i <= 24; i++)
        {
            var (ub, lb) = bestKnown[i];
            var name = $"Instance{i}";
            sb.Append(CultureInfo.InvariantCulture, $"| {i} | {ub} ({(lb is { } l ? l.ToString(CultureInfo.InvariantCulture) : "–")}) ");
            foreach (var rows in new[] { ten, sixty })
            {
                if (!rows.TryGetValue(name, out var r))
                {
                    sb.Append("| not run | | | | ");
                    sb.Append("| ");
                    continue;
                }
                var gap = long.TryParse(r["objective"], CultureInfo.InvariantCulture, out var o) ? (100.0 * (o - ub) / ub).ToString("0.0", CultureInfo.InvariantCulture) : "–";
                sb.Append(CultureInfo.InvariantCulture, $"| {Objective(r)} | {Dash(r["bound"])} | {gap} | {Dash(r["firstFeasibleSeconds"])} | {Dash(r["peakMB"])} ");
            }
            sb.AppendLine("|");
        }
        sb.AppendLine();
        var ngo = Lines(Path.Combine(dir, "ngo.csv"));
        sb.AppendLine("| instance | engine, time limit | status | objective | bound | gap % | seconds | first feasible s | fill rate | load spread | peak MB | check | roster from |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in ngo.OrderBy(r => r["instance"].Length).ThenBy(r => r["instance"], StringComparer.Ordinal).ThenBy(r => r["mode"], StringComparer.Ordinal).ThenBy(r => int.Parse(r["timeLimit"], CultureInfo.InvariantCulture)))
        {
            var mode = r["mode"] == "greedy" ? "greedy" : $"CP-SAT {r["timeLimit"]} s";
            var fill = Fill(r);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r["instance"]} | {mode} | {r["status"]} | {Dash(r["objective"])} | {Dash(r["bound"])} | {Dash(r["gapPercent"])} | {Dash(r["seconds"])} | {Dash(r["firstFeasibleSeconds"])} | {fill} | {Dash(r["loadSpread"])} | {Dash(r["peakMB"])} | {r["check"]} | {r["engine"]} |");
        }
        return sb.ToString();
    }

    private static string Dash(string s) => s.Length == 0 ? "–" : s;

    private static Dictionary<string, Dictionary<string, string>> Rows(string csv) =>
        Lines(csv).GroupBy(r => r["instance"]).ToDictionary(g => g.Key, g => g.Last());

    private static List<Dictionary<string, string>> Lines(string csv)
    {
        if (!File.Exists(csv))
        {
            return [];
        }
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        // Older files lack the later columns: they read as empty.
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var row = header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second);
            foreach (var column in Runner.Header.Split(','))
            {
                row.TryAdd(column, "");
            }
            return row;
        })];
    }
}
