using System.Diagnostics;
using Lstm.Cli;
using Lstm.Cli.Runs;
using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Text;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

/// <summary>The helpers of the fixture writer.</summary>
internal static class FixtureWriter
{
    public const string ReviewsFile = "reviews.tsv";
    public const string MLNetZipFile = "mlnet-model.zip";
    public const string ExpectedFile = "expected.json";

    /// <summary>The header of the model files this writer's code writes; a folder holding another format's set is refused.</summary>
    public const string ModelMagic = "LSTMNET3";

    /// <summary>Every file of a run folder the writer makes, deleted before it runs (README.md and .gitattributes are kept).</summary>
    public static readonly string[] RunFiles =
    [
        RunDirectory.ModelFile, RunDirectory.OnnxFile, RunDirectory.VocabularyFile, RunDirectory.ManifestFile, RunDirectory.HistoryFile,
        RunDirectory.CheckpointFile, RunDirectory.LossPlotFile, RunDirectory.AccuracyPlotFile, MLNetZipFile,
    ];

    /// <summary>
    /// The texts every artefact is asked about: short, empty, blank, longer than the fixture's max length (20) and than the
    /// shipped model's (500), non-English, unknown words, markup and punctuation, mixed case, digits and emoji, and one
    /// text of each topic of the family run. None starts with '-' and none is blank except two, so that 'lstm predict'
    /// can take the others as arguments.
    /// </summary>
    public static readonly string[] Texts =
    [
        "great movie, loved it",
        "awful boring waste of time",
        "",
        "   ",
        "A moving, beautifully acted film.",
        "the movie was fun and the acting was great but the plot was dull and the story was bad it was really the worst film and a waste",
        string.Join(' ', Enumerable.Repeat("the plot was great but the acting was awful", 70)),
        "Ce film était magnifique, j'ai adoré chaque minute !",
        "这部电影太精彩了，我非常喜欢",
        "Фильм ужасный и скучный",
        "zxqv blorft quuxly snargle",
        "<br />Great<br /><br />acting!!! 10/10",
        "WORST. FILM. EVER???",
        "🎬 loved it 😍 best",
        "Dull.\nFar too long.",
        "today we saw the team win the match",
        "a new song by the band, with guitar",
        "add salt to the recipe before the oven",
    ];

    /// <summary>The folder holding Lstm.MLNet.sln above this program's binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lstm.MLNet.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No ancestor of {AppContext.BaseDirectory} holds Lstm.MLNet.sln.");
    }

    /// <summary>
    /// Refuses a folder whose model.lstm is not of the format this code writes: a committed set of an earlier format
    /// (format-v1's LSTMCLS1) must never be overwritten with today's files.
    /// </summary>
    public static void RefuseOtherFormat(string folder)
    {
        string model = Path.Combine(folder, RunDirectory.ModelFile);
        if (!File.Exists(model)) return;
        using var stream = File.OpenRead(model);
        var magic = new byte[ModelMagic.Length];
        int read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        string found = System.Text.Encoding.ASCII.GetString(magic, 0, read);
        if (found != ModelMagic)
            throw new InvalidOperationException($"{folder} holds a fixture set whose model.lstm is '{found}', not the '{ModelMagic}' this code writes; a new format gets a new folder.");
    }

    /// <summary>Deletes what an earlier run of the writer left in <paramref name="folder"/> (a run folder, plus <paramref name="more"/>).</summary>
    public static void DeleteWrittenFiles(string folder, params string[] more)
    {
        foreach (string name in RunFiles.Concat(more))
            File.Delete(Path.Combine(folder, name));
    }

    /// <summary>Runs <c>lstm</c> in-process with <paramref name="arguments"/>; throws unless it succeeds.</summary>
    public static void Lstm(params string[] arguments)
    {
        int code = LstmCommandLine.Invoke(arguments, new CommandEnvironment { Output = Console.Out, Error = Console.Error });
        if (code != 0) throw new InvalidOperationException($"lstm {string.Join(' ', arguments)} exited with {code}.");
    }

    /// <summary>Deletes the run's PNG plots and checks that no file of <paramref name="folder"/> names an absolute path of this machine.</summary>
    public static void TidyRunFolder(string folder, string root)
    {
        foreach (string png in new[] { RunDirectory.LossPlotFile, RunDirectory.AccuracyPlotFile }) File.Delete(Path.Combine(folder, png));
        foreach (string name in Directory.GetFiles(folder).Select(f => Path.GetFileName(f)))
        {
            string text = File.ReadAllText(Path.Combine(folder, name));
            if (text.Contains(folder, StringComparison.Ordinal) || text.Contains(root, StringComparison.Ordinal))
                throw new InvalidOperationException($"{name} names an absolute path of this machine; the fixtures must not.");
        }
    }

    /// <summary>The same reviews as Lstm.Cli.Tests' TinyReviews.Write: alternating negative and positive, with a header row.</summary>
    public static string WriteTinyReviews(string path, int count, int seed)
    {
        string[] positive = ["great", "wonderful", "loved", "excellent", "amazing", "brilliant", "fun", "best"];
        string[] negative = ["awful", "terrible", "boring", "hated", "worst", "bad", "dull", "waste"];
        string[] filler = ["the", "movie", "film", "was", "a", "and", "plot", "acting", "really", "story", "it"];
        var random = new Random(seed);
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("label\ttext");
        for (int i = 0; i < count; i++)
        {
            bool isPositive = i % 2 == 1;
            var words = Enumerable.Range(0, 8).Select(_ => filler[random.Next(filler.Length)])
                .Concat(Enumerable.Range(0, 3).Select(_ => (isPositive ? positive : negative)[random.Next(8)]))
                .OrderBy(_ => random.Next()).ToArray();
            writer.WriteLine($"{(isPositive ? 1 : 0)}\t{string.Join(' ', words)}");
        }
        return path;
    }

    /// <summary>
    /// Texts whose class is the topic word they contain (sports, music, cooking) among filler words, cycling through the
    /// topics, with a header row: the generator of Lstm.Cli.Tests' TaskOptionsTests.WriteTopics (System.Random(3)).
    /// </summary>
    public static string WriteTopics(string path, int count)
    {
        string[] topics = ["sports", "music", "cooking"];
        string[][] words = [["goal", "match", "team"], ["song", "band", "guitar"], ["recipe", "oven", "salt"]];
        var random = new Random(3);
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("label\ttext");
        for (int i = 0; i < count; i++)
        {
            int k = i % 3;
            var filler = Enumerable.Range(0, 4).Select(_ => new[] { "the", "a", "today", "we", "saw", "new" }[random.Next(6)]);
            writer.WriteLine($"{topics[k]}\t{string.Join(' ', filler.Append(words[k][random.Next(3)]).OrderBy(_ => random.Next()))}");
        }
        return path;
    }

    /// <summary>The text variant's outputs from ONNX Runtime, one thread, all texts in one batch, row-major ([texts, outputs]).</summary>
    public static (float[] Logits, float[] Probabilities) RunOnnxRuntime(string path, IReadOnlyList<string> texts)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(path, options);
        var tensor = new DenseTensor<string>([texts.Count, 1]);
        for (int i = 0; i < texts.Count; i++) tensor[i, 0] = TextNormalizer.Normalize(texts[i]);
        using var input = OrtValue.CreateFromStringTensor(tensor);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, new Dictionary<string, OrtValue> { ["text"] = input }, ["logit", "probability"]);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }

    /// <summary>Score and Probability of each text from the zip loaded in a fresh MLContext, through a PredictionEngine.</summary>
    public static (float[] Scores, float[] Probabilities) RunMLNetZip(string zip, IReadOnlyList<string> texts)
    {
        var ml = new MLContext();
        var loaded = ml.Model.Load(zip, out _);
        try
        {
            using var engine = ml.Model.CreatePredictionEngine<Review, ReviewPrediction>(loaded);
            var predictions = texts.Select(t => engine.Predict(new Review { Text = t })).ToArray();
            return ([.. predictions.Select(p => p.Score)], [.. predictions.Select(p => p.Probability)]);
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }
    }

    /// <summary>HEAD's commit, with "+changes" when the working tree differs from it; "unknown" without git.</summary>
    public static string Commit(string root)
    {
        string? Git(string arguments)
        {
            try
            {
                var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
                using var process = Process.Start(start)!;
                string output = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
                return process.ExitCode == 0 ? output : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }
        string? head = Git("rev-parse HEAD");
        if (head is null) return "unknown";
        string? changes = Git("status --porcelain --untracked-files=no -- src tests/Lstm.Fixtures.Writer tests/Lstm.MLNet.Tests/TestData");
        return string.IsNullOrEmpty(changes) ? head : head + "+changes";
    }
}
