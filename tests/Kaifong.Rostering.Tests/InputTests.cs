namespace Kaifong.Rostering.Tests;

/// <summary>Malformed problems fail with a message that names the field, never a crash.</summary>
public class InputTests
{
    private const string Valid = """
        { "start": "2026-12-07", "days": 7,
          "shifts": [ { "id": "s1", "day": 0, "type": "AM", "start": "09:00", "end": "12:00", "skills": [], "minimum": 0,
                        "target": 2, "maximum": null, "underWeight": 100, "overWeight": 1 } ],
          "volunteers": [ { "id": "v1", "skills": [], "maxShifts": 8, "maxShiftsPerType": {"AM": 4}, "minMinutes": 0,
                            "maxMinutes": 1440, "maxConsecutiveDays": 5, "minConsecutiveDays": 1, "minConsecutiveDaysOff": 1,
                            "maxWeekends": 2, "unavailableDays": [3], "unavailableShifts": ["s1"], "wants": [{"shift": "s1", "weight": 2}],
                            "avoids": [] } ],
          "forbiddenNextDay": [ {"type": "AM", "next": "AM"} ], "minRestMinutes": 0,
          "locked": [], "previous": [ {"shift": "s1", "volunteer": "v1"} ], "changeWeight": 0, "oneShiftPerDay": true, "fairnessWeight": 0 }
        """;

    [Fact]
    public void The_api_example_parses()
    {
        var p = RosterJson.ParseProblem(Valid);
        Assert.Equal(7, p.Days);
        Assert.Equal(4, p.Volunteers[0].MaxShiftsPerType["AM"]);
        Assert.Equal(2, p.Shifts[0].Target);
    }

    [Theory]
    [InlineData("{", "")]
    [InlineData("[]", "")]
    [InlineData("""{ "days": 7, "shifts": [], "volunteers": [] }""", "start")]
    [InlineData("""{ "start": "2026-12-07", "days": "seven", "shifts": [], "volunteers": [] }""", "days")]
    [InlineData("""{ "start": "7/12/2026", "days": 7, "shifts": [], "volunteers": [] }""", "start")]
    [InlineData("""{ "start": "2026-12-07", "days": 0, "shifts": [], "volunteers": [] }""", "days")]
    [InlineData("""{ "start": "2026-12-07", "days": 7, "shifts": [], "volunteers": [], "oneShiftPerDya": true }""", "oneShiftPerDya")]
    public void Malformed_json_names_the_field(string json, string field)
    {
        var e = Assert.Throws<RosterInputException>(() => RosterJson.ParseProblem(json));
        Assert.Equal(field, e.Field);
        Assert.NotEmpty(e.Message);
    }

    [Theory]
    [InlineData("\"unavailableShifts\": [\"s1\"]", "\"unavailableShifts\": [\"nope\"]", "volunteers[0].unavailableShifts[0]", "unknown shift id \"nope\"")]
    [InlineData("\"wants\": [{\"shift\": \"s1\"", "\"wants\": [{\"shift\": \"s9\"", "volunteers[0].wants[0].shift", "unknown shift id")]
    [InlineData("\"previous\": [ {\"shift\": \"s1\", \"volunteer\": \"v1\"}", "\"previous\": [ {\"shift\": \"s1\", \"volunteer\": \"v7\"}", "previous[0].volunteer", "unknown volunteer id \"v7\"")]
    [InlineData("\"maxShifts\": 8", "\"maxShifts\": -1", "volunteers[0].maxShifts", "may not be negative")]
    [InlineData("\"underWeight\": 100", "\"underWeight\": -5", "shifts[0].underWeight", "may not be negative")]
    [InlineData("\"day\": 0", "\"day\": 7", "shifts[0].day", "outside the horizon")]
    [InlineData("\"unavailableDays\": [3]", "\"unavailableDays\": [30]", "volunteers[0].unavailableDays[0]", "outside the horizon")]
    [InlineData("\"minMinutes\": 0", "\"minMinutes\": 2000", "volunteers[0].minMinutes", "more than maxMinutes")]
    [InlineData("\"minimum\": 0", "\"minimum\": 3, \"x\": 0", "shifts[0].x", "not a field")]
    [InlineData("\"maximum\": null", "\"maximum\": 1, \"minimum\": 2", "shifts[0].minimum", "more than maximum")]
    [InlineData("\"start\": \"09:00\"", "\"start\": \"9am\"", "shifts[0].start", "not a time")]
    [InlineData("{\"type\": \"AM\", \"next\": \"AM\"}", "{\"type\": \"AM\", \"next\": \"PM\"}", "forbiddenNextDay[0].next", "no shift has type")]
    [InlineData("\"id\": \"v1\"", "\"id\": \"\"", "volunteers[0].id", "may not be empty")]
    [InlineData("\"minConsecutiveDays\": 1", "\"minConsecutiveDays\": 9", "volunteers[0].minConsecutiveDays", "more than maxConsecutiveDays")]
    public void Bad_values_name_the_field(string from, string to, string field, string problem)
    {
        var json = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);
        var e = Assert.Throws<RosterInputException>(() => RosterJson.ParseProblem(json));
        Assert.Equal(field, e.Field);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_optional_fields_mean_no_such_rule()
    {
        var p = RosterJson.ParseProblem("""{ "start": "2026-12-07", "days": 1, "shifts": [ { "id": "s1", "day": 0, "target": 1 } ], "volunteers": [ { "id": "v1" } ] }""");
        var s = RosterSolver.Solve(p, Build.Options);
        Assert.Equal("Optimal", s.Status);
        Assert.Equal([new ShiftVolunteer("s1", "v1")], s.Assignments);
    }

    [Fact]
    public void A_solution_round_trips_through_json()
    {
        var p = RosterJson.ParseProblem(Valid.Replace("\"unavailableShifts\": [\"s1\"]", "\"unavailableShifts\": []", StringComparison.Ordinal));
        var s = RosterSolver.Solve(p, Build.Options);
        var back = RosterJson.ParseSolution(RosterJson.Write(s));
        Assert.Equal(s.Assignments, back.Assignments);
        Assert.Equal(s.Objective, back.Objective);
        Assert.Equal(s.Components, back.Components);
    }
}
