using Lstm.Fuzz;
using SharpFuzz;

// Usage (see README.md):
//   Lstm.Fuzz <target>                     run under afl-fuzz (input on stdin), SharpFuzz's out-of-process server
//   Lstm.Fuzz <target> --replay <file>...  run saved inputs once each; exit 1 when one breaks the contract
//   Lstm.Fuzz --seeds <folder> [fixtures]  write each target's seed corpus to <folder>/<target>/ (fixtures: tests/Fixtures)
//   Lstm.Fuzz --list                       the targets
if (args is ["--list"])
{
    foreach (var target in FuzzTargets.All) Console.WriteLine($"{target.Name,-12} {target.Description}");
    return 0;
}
if (args is ["--seeds", var output, .. var rest])
{
    using var workspace = Workspace.Create();
    var sources = new SeedSources(rest is [var fixtures] ? fixtures : SeedSources.FindFixtures(Environment.CurrentDirectory), workspace);
    foreach (var target in FuzzTargets.All)
    {
        string folder = Directory.CreateDirectory(Path.Combine(output, target.Name)).FullName;
        var seeds = target.Seeds(sources).ToList();
        foreach (var (seedName, bytes) in seeds) File.WriteAllBytes(Path.Combine(folder, seedName), bytes);
        Console.WriteLine($"{target.Name}: {seeds.Count} seeds ({seeds.Sum(s => s.Bytes.Length):N0} bytes)");
    }
    return 0;
}
if (args is [var name, .. var options] && FuzzTargets.Find(name) is { } chosen)
{
    using var workspace = Workspace.Create();
    if (options is ["--replay", .. var files] && files.Length > 0) return Replay.Run(chosen, files, workspace);
    if (options.Length == 0)
    {
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var input = new MemoryStream();
            stream.CopyTo(input);
            FuzzContract.Check(chosen, input.ToArray(), workspace);
        });
        return 0;
    }
}
Console.Error.WriteLine($"usage: Lstm.Fuzz <target> [--replay <file>...] | --seeds <folder> [fixtures] | --list; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
return 2;
