using System.Text;
using Lstm.Training.Data;

namespace Lstm.Fuzz.Targets;

/// <summary>
/// <see cref="LabelledTextFile.Read(string, LabelledTextFileOptions)"/>. The first input byte chooses the call: bit 0
/// CSV (else TSV), bit 1 labels as written (else binary labels), bits 2-3 the columns (label 1/text 2, label 2/text 1,
/// by name "label"/"text", label 3/text 1); the rest is the file.
/// </summary>
internal sealed class TextFileTarget : FuzzTarget
{
    private static readonly LabelledTextFileOptions[] Columns =
    [
        LabelledTextFileOptions.Default,
        new() { LabelColumn = "2", TextColumn = "1" },
        new() { LabelColumn = "label", TextColumn = "text" },
        new() { LabelColumn = "3", TextColumn = "1" },
    ];

    public override string Name => "text-file";

    public override string Description => "LabelledTextFile.Read: TSV/CSV, binary or as-written labels, four column layouts (first byte)";

    public override string SourceName => "fuzz-input.";

    public override Action Prepare(byte[] input, Workspace workspace)
    {
        int mode = input.Length > 0 ? input[0] : 0;
        string path = workspace.WriteFile((mode & 1) != 0 ? "fuzz-input.csv" : "fuzz-input.tsv", input.AsSpan(Math.Min(1, input.Length)));
        var options = Columns[(mode >> 2) & 3] with { BinaryLabels = (mode & 2) == 0 };
        return () => LabelledTextFile.Read(path, options);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds(SeedSources sources)
    {
        foreach (var (name, bytes) in sources.Fixture("reviews.tsv"))
        {
            yield return (name, [0, .. bytes]);
            yield return ($"{name}-as-written", [2, .. bytes]);
        }
        foreach (var (name, bytes) in sources.Fixture("topics.tsv")) yield return (name, [2, .. bytes]);
        yield return ("text-label.tsv", Mode(4, "a good film\t1\nbad\t0\n\nplot\tpos\n"));
        yield return ("named.csv", Mode(9, "label,text\n1,\"a \"\"great\"\" film, really\"\n0,dull\r\nneg,\"two\nlines\"\n"));
        yield return ("classes.csv", Mode(3, "category,text\nsports,a goal\nmusic,\"a song\"\n"));
        yield return ("three-columns.tsv", Mode(12, "text\tid\tlabel\nnice\t1\tpositive\nawful\t2\tfalse\n"));
    }

    private static byte[] Mode(byte mode, string text) => [mode, .. Encoding.UTF8.GetBytes(text)];
}
