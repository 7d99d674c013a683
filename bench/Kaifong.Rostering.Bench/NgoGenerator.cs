namespace Kaifong.Rostering.Bench;

public static class NgoGenerator
{
    public static RosterProblem Generate(int volunteers, int shifts, int seed) => throw new NotImplementedException($"{volunteers} {shifts} {seed}");
}
