using System.Globalization;

namespace Kaifong.Rostering;

/// <summary>The explanation texts in zh-HK (default), en and zh-CN. Templates take <c>{name}</c> arguments from an
/// explanation item's <c>args</c>. A test proves every code has all three languages.</summary>
public static class Messages
{
    public static readonly IReadOnlyList<string> Languages = ["zh-HK", "en", "zh-CN"];

    private static readonly Dictionary<string, (string ZhHk, string En, string ZhCn)> Table = new(StringComparer.Ordinal)
    {
        ["roster.summary"] = ("已填 {filled}/{places} 個名額，{unfilled} 個班次未滿。", "{filled} of {places} places filled; {unfilled} shift(s) short.", "已填 {filled}/{places} 个名额，{unfilled} 个班次未满。"),
        ["roster.optimal"] = ("已證明為最佳更表（目標值 {objective}）。", "Proven optimal roster (objective {objective}).", "已证明为最佳排班（目标值 {objective}）。"),
        ["roster.feasible"] = ("可行更表（目標值 {objective}，下限 {bound}，差距最多 {gap}%）。", "Feasible roster (objective {objective}, bound {bound}, at most {gap}% from optimal).", "可行排班（目标值 {objective}，下限 {bound}，差距最多 {gap}%）。"),
        ["roster.timeout"] = ("在時限內找不到可行更表，亦未證明無解。", "No roster was found within the time limit, and none was proven impossible.", "在时限内找不到可行排班，亦未证明无解。"),
        ["roster.greedy"] = ("這是簡單逐班填人（基準）的結果。", "This is the greedy baseline (each shift filled in turn).", "这是简单逐班填人（基准）的结果。"),
        ["roster.greedyBroken"] = ("簡單逐班填人違反了 {count} 條規則：{rules}", "The greedy baseline breaks {count} rule(s): {rules}", "简单逐班填人违反了 {count} 条规则：{rules}"),
        ["shift.unfilled"] = ("{date} {type} {time}（{shift}）欠 {missing} 人：{reasons}", "{date} {type} {time} ({shift}): {missing} place(s) unfilled: {reasons}", "{date} {type} {time}（{shift}）欠 {missing} 人：{reasons}"),
        ["reason.none"] = ("沒有任何義工", "there are no volunteers", "没有任何义工"),
        ["reason.lacksSkill"] = ("{count} 位缺少{skill}", "{count} lack {skill}", "{count} 位缺少{skill}"),
        ["reason.unavailableDays"] = ("{count} 位當日不能出席", "{count} unavailable that day", "{count} 位当日不能出席"),
        ["reason.unavailableShifts"] = ("{count} 位不能出席此班", "{count} unavailable for this shift", "{count} 位不能出席此班"),
        ["reason.busy"] = ("{count} 位已編同日或相近時段的班次", "{count} already on a clashing shift", "{count} 位已排同日或相近时段的班次"),
        ["reason.maxShifts"] = ("{count} 位合資格義工已達每月上限", "{count} eligible volunteers at their monthly limit", "{count} 位合资格义工已达每月上限"),
        ["reason.maxShiftsPerType"] = ("{count} 位已達此類班次上限", "{count} at their limit for this shift type", "{count} 位已达此类班次上限"),
        ["reason.maxMinutes"] = ("{count} 位已達服務時數上限", "{count} at their limit of minutes", "{count} 位已达服务时数上限"),
        ["reason.forbiddenNextDay"] = ("{count} 位因前後一天的班次不能接續", "{count} blocked by the shift the day before or after", "{count} 位因前后一天的班次不能接续"),
        ["reason.maxConsecutiveDays"] = ("{count} 位會超過連續工作日上限", "{count} would work too many days in a row", "{count} 位会超过连续工作日上限"),
        ["reason.maxWeekends"] = ("{count} 位已達週末上限", "{count} at their weekend limit", "{count} 位已达周末上限"),
        ["reason.minConsecutiveDaysOff"] = ("{count} 位會令休息日太短", "{count} would get too short a break", "{count} 位会令休息日太短"),
        ["reason.maximum"] = ("班次已達人數上限", "the shift is at its maximum", "班次已达人数上限"),
        ["reason.tradeOff"] = ("{count} 位可以出席，但編入他們會違反最少連續日數／時數規則或令整體更差", "{count} could come, but adding them would break a minimum-run or minutes rule or make the roster worse overall", "{count} 位可以出席，但排入他们会违反最少连续日数／时数规则或令整体更差"),
        ["infeasible.conflict"] = ("無法排班：以下規則互相衝突：{rules}", "No roster exists: these rules conflict: {rules}", "无法排班：以下规则互相冲突：{rules}"),
        ["infeasible.unknown"] = ("無法排班，但未能在時限內找出互相衝突的規則。", "No roster exists, but the conflicting rules could not be isolated within the time limit.", "无法排班，但未能在时限内找出互相冲突的规则。"),
        ["rule.locked"] = ("{volunteer} 鎖定在 {shift}", "{volunteer} locked on {shift}", "{volunteer} 锁定在 {shift}"),
        ["rule.skills"] = ("{volunteer} 的技能", "{volunteer}'s skills", "{volunteer} 的技能"),
        ["rule.unavailableDays"] = ("{volunteer} 的不能出席日子", "{volunteer}'s unavailable days", "{volunteer} 的不能出席日子"),
        ["rule.unavailableShifts"] = ("{volunteer} 的不能出席班次", "{volunteer}'s unavailable shifts", "{volunteer} 的不能出席班次"),
        ["rule.minimum"] = ("{shift} 最少 {value} 人", "{shift} needs at least {value}", "{shift} 最少 {value} 人"),
        ["rule.maximum"] = ("{shift} 最多 {value} 人", "{shift} takes at most {value}", "{shift} 最多 {value} 人"),
        ["rule.overlap"] = ("{volunteer} 不可同時段兩更", "{volunteer} cannot work overlapping shifts", "{volunteer} 不可同时段两班"),
        ["rule.minRestMinutes"] = ("{volunteer} 兩更之間最少休息 {value} 分鐘", "{volunteer} needs {value} minutes' rest between shifts", "{volunteer} 两班之间最少休息 {value} 分钟"),
        ["rule.oneShiftPerDay"] = ("{volunteer} 每日最多一更", "{volunteer} works at most one shift a day", "{volunteer} 每日最多一班"),
        ["rule.maxShifts"] = ("{volunteer} 最多 {value} 更", "{volunteer} works at most {value} shifts", "{volunteer} 最多 {value} 班"),
        ["rule.maxShiftsPerType"] = ("{volunteer} 每類班次的上限", "{volunteer}'s limits per shift type", "{volunteer} 每类班次的上限"),
        ["rule.minMinutes"] = ("{volunteer} 最少服務 {value} 分鐘", "{volunteer} works at least {value} minutes", "{volunteer} 最少服务 {value} 分钟"),
        ["rule.maxMinutes"] = ("{volunteer} 最多服務 {value} 分鐘", "{volunteer} works at most {value} minutes", "{volunteer} 最多服务 {value} 分钟"),
        ["rule.forbiddenNextDay"] = ("{volunteer} 不可接續的班次", "{volunteer}'s forbidden next-day shifts", "{volunteer} 不可接续的班次"),
        ["rule.maxConsecutiveDays"] = ("{volunteer} 最多連續 {value} 日", "{volunteer} works at most {value} days in a row", "{volunteer} 最多连续 {value} 日"),
        ["rule.minConsecutiveDays"] = ("{volunteer} 最少連續 {value} 日", "{volunteer} works at least {value} days in a row", "{volunteer} 最少连续 {value} 日"),
        ["rule.minConsecutiveDaysOff"] = ("{volunteer} 最少連續休息 {value} 日", "{volunteer} rests at least {value} days in a row", "{volunteer} 最少连续休息 {value} 日"),
        ["rule.maxWeekends"] = ("{volunteer} 最多 {value} 個週末", "{volunteer} works at most {value} weekends", "{volunteer} 最多 {value} 个周末"),
    };

    public static IEnumerable<string> Codes => Table.Keys;

    /// <summary>"en…" → en; "zh-CN", "zh-SG", "zh-Hans…" → zh-CN; anything else → zh-HK.</summary>
    public static string Language(string? culture)
    {
        if (culture is null)
        {
            return "zh-HK";
        }
        if (culture.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            return "en";
        }
        return culture.Equals("zh-CN", StringComparison.OrdinalIgnoreCase) || culture.Equals("zh-SG", StringComparison.OrdinalIgnoreCase)
            || culture.StartsWith("zh-Hans", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "zh-HK";
    }

    public static string Template(string code, string language)
    {
        var t = Table[code];
        return Language(language) switch
        {
            "en" => t.En,
            "zh-CN" => t.ZhCn,
            _ => t.ZhHk,
        };
    }

    public static string Render(string code, IReadOnlyDictionary<string, string> args, string language)
    {
        var text = Template(code, language);
        foreach (var (name, value) in args)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>The separator between listed reasons or rules.</summary>
    public static string ListSeparator(string language) => Language(language) == "en" ? "; " : "；";

    internal static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
