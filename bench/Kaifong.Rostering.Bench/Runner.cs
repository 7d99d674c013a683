namespace Kaifong.Rostering.Bench;

public static class Runner
{
    public static int Run(string csv, string time, string threads, string[] problems) => throw new NotImplementedException($"{csv}{time}{threads}{problems.Length}");
}
