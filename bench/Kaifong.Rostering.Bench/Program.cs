using System.Globalization;
using Kaifong.Rostering;

namespace Kaifong.Rostering.Bench;

/// <summary>
/// bench verbs:
///   convert IN.txt OUT.json            a Curtois &amp; Qu instance → roster problem v1
///   convert-all DIR OUTDIR             every Instance*.txt in DIR
///   generate VOLUNTEERS SHIFTS SEED OUT.json   an NGO-scale month (seeded)
///   run OUT.csv TIME THREADS [--greedy] PROBLEM.json…   solve each through the CLI (a child process), check it, record
///   report RESULTS_DIR [DATA_DIR]      the Markdown tables of bench/README.md (best known values from
///                                      DATA_DIR/README.md, default RESULTS_DIR/../instances/curtois)
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            case ["convert", var input, var output]:
                File.WriteAllText(output, RosterJson.Write(Curtois.Convert(File.ReadAllText(input))));
                return 0;
            case ["convert-all", var dir, var outDir]:
                Directory.CreateDirectory(outDir);
                foreach (var file in Directory.GetFiles(dir, "Instance*.txt"))
                {
                    var name = Path.GetFileNameWithoutExtension(file);
                    File.WriteAllText(Path.Combine(outDir, name + ".json"), RosterJson.Write(Curtois.Convert(File.ReadAllText(file)), indented: false));
                }
                return 0;
            case ["generate", var volunteers, var shifts, var seed, var output]:
                var problem = NgoGenerator.Generate(Int(volunteers), Int(shifts), Int(seed));
                File.WriteAllText(output, RosterJson.Write(problem, indented: false));
                return 0;
            case ["report", var dir, .. var data] when data.Length <= 1:
                var instances = data.Length == 1 ? data[0] : Report.DefaultDataDir(dir);
                Console.Write(Report.RenderRound2(dir, instances));
                Console.WriteLine();
                Console.Write(Report.Render(dir, instances));
                return 0;
            case ["run", var csv, var time, var threads, .. var problems]:
                return Runner.Run(csv, time, threads, problems);
            default:
                Console.Error.WriteLine("usage: see bench/README.md");
                return 2;
        }
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
