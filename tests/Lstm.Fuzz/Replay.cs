namespace Lstm.Fuzz;

/// <summary>Runs saved inputs (afl's crashes, regression files) once each and prints what each one did.</summary>
internal static class Replay
{
    /// <summary>0 when every input kept the contract, 1 when one did not (its exception and stack are printed).</summary>
    public static int Run(FuzzTarget target, IEnumerable<string> files, Workspace workspace)
    {
        int findings = 0;
        foreach (string file in files)
        {
            byte[] input = File.ReadAllBytes(file);
            try
            {
                string? refusal = FuzzContract.Check(target, input, workspace);
                Console.WriteLine(refusal is null ? $"{file}: accepted" : $"{file}: refused: {refusal}");
            }
            catch (Exception e)
            {
                findings++;
                Console.WriteLine($"{file}: FINDING {Signature(e)}: {e.Message}");
                Console.WriteLine(e.StackTrace);
            }
        }
        return findings == 0 ? 0 : 1;
    }

    /// <summary>The exception's type and the innermost frame in the library, e.g. <c>System.FormatException at Lstm.Training.Models.SequenceNetwork.Read</c>.</summary>
    public static string Signature(Exception e)
    {
        string? frame = e.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at Lstm.Training.", StringComparison.Ordinal));
        string place = frame is null ? "" : " " + frame.Split('(')[0];
        return $"{e.GetType().FullName}{place}";
    }
}
