using Kaifong.Rostering.Bench;

namespace Kaifong.Rostering.Tests;

/// <summary>The public benchmark: Curtois &amp; Qu Instance1 (best known 607, proven optimal) through the converter.</summary>
public class CurtoisTests
{
    private static string Instance(int n) => Build.CurtoisInstance(n);

    [Fact]
    public void Instance1_solves_to_607()
    {
        var problem = Curtois.Convert(File.ReadAllText(Instance(1)));
        Assert.Equal(14, problem.Days);
        Assert.Equal(8, problem.Volunteers.Count);
        var solution = Build.Solve(problem);
        Assert.Equal("Optimal", solution.Status);
        Assert.Equal(607, solution.Objective);
        Assert.Equal(607, solution.Bound);
    }

    [Fact]
    public void The_converted_problem_survives_json()
    {
        var problem = Curtois.Convert(File.ReadAllText(Instance(2)));
        var back = RosterJson.ParseProblem(RosterJson.Write(problem));
        Assert.Equal(problem.Shifts.Count, back.Shifts.Count);
        Assert.Equal(problem.ForbiddenNextDay, back.ForbiddenNextDay);
        Assert.Equal(problem.Volunteers.Sum(v => v.Wants.Count + v.Avoids.Count), back.Volunteers.Sum(v => v.Wants.Count + v.Avoids.Count));
    }
}
