using System.CommandLine;
using Lstm.Cli.Data;
using Lstm.Cli.Predictions;
using Lstm.Cli.Runs;
using Lstm.Training.Losses;
using Lstm.Training.Models;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Cli.Commands;

/// <summary>
/// <c>lstm predict --model DIR|FILE.onnx [--format table|tsv|json] "text" …</c>: the probability that each review is
/// positive, P(positive), and its label. The default table has a header, then one line per review:
/// <c>0.9313       positive  "A moving, beautifully acted film."</c> (models/imdb-lstm); see <see cref="PredictionWriter"/>.
/// </summary>
internal sealed class PredictCommand
{
    /// <summary>The values of <c>--format</c>.</summary>
    public static readonly string[] Formats = ["table", "tsv", "json"];

    private readonly Option<string> _model = new("--model")
    {
        Description = "Run folder written by 'lstm train' (model.lstm, vocabulary.json, training.json), or an .onnx file written by 'lstm train' or 'lstm export'",
        HelpName = "dir|file.onnx",
        Required = true,
    };
    private readonly Option<string?> _file = new("--file")
    {
        Description = "Read reviews from this file, one per line ('-' for standard input)",
        HelpName = "path",
    };
    private readonly Option<int?> _threads = new Option<int?>("--threads")
    {
        Description = "Threads to use. Default: all cores",
        HelpName = "n",
    }.AtLeast(1);
    private readonly Option<string> _format = new Option<string>("--format")
    {
        Description = "Output: 'table' (a header, then P(positive), label and the review's start), 'tsv' (header row probability, label, text) or 'json' (an array of {text, probability, label}). Default: table",
        HelpName = "table|tsv|json",
        DefaultValueFactory = _ => "table",
    }.Must(v => Formats.Contains(v), "must be 'table', 'tsv' or 'json'");
    private readonly Argument<string[]> _texts = new("text")
    {
        Description = "Reviews to classify; '-' reads them from standard input, one per line",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Builds the command; its action runs in <paramref name="environment"/>.</summary>
    public PredictCommand(CommandEnvironment environment)
    {
        Command = new Command("predict", "Print the probability that each review is positive, P(positive), and its label")
        {
            _model, _file, _threads, _format, _texts,
        };
        Command.SetAction(parseResult => ErrorReporter.Run(environment.Error, () => Execute(parseResult, environment)));
    }

    /// <summary>The <c>predict</c> command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parseResult, CommandEnvironment environment)
    {
        var texts = ReadTexts(parseResult.GetValue(_texts) ?? [], parseResult.GetValue(_file), environment.Input);
        if (texts.Count == 0)
            throw new ArgumentException("no reviews given: pass them as arguments, with --file PATH (one per line), or '-' to read standard input.");
        var model = TrainedModel.Load(parseResult.GetValue(_model)!);
        float[] outputs = Logits(model, texts, parseResult.GetValue(_threads), environment.CancellationToken);
        var predictions = Predictions(model.Network.Spec, texts, outputs);
        var unknown = UnknownTokens(model.Vocabulary, texts);
        for (int i = 0; i < predictions.Length; i++)
            predictions[i] = predictions[i] with { UnknownShare = unknown[i].Tokens == 0 ? 0 : (double)unknown[i].Unknown / unknown[i].Tokens };
        WarnAboutUnknownTokens(model.Vocabulary, texts, unknown, environment.Error);
        PredictionWriter.Write(environment.Output, predictions, Enum.Parse<PredictionFormat>(parseResult.GetValue(_format)!, ignoreCase: true));
        return ExitCodes.Success;
    }

    /// <summary>
    /// The network's raw outputs for each text ([texts, outputs]: the logit of a binary model, the class logits, or the
    /// values): tokenised, encoded and padded as <paramref name="model"/> was trained, then the C# forward pass.
    /// </summary>
    public static float[] Logits(TrainedModel model, IReadOnlyList<string> texts, int? threads, CancellationToken ct)
    {
        int[][] sequences = ReviewEncoder.Encode(texts, model.Vocabulary, model.Padding, ct);
        return ChunkedInference.PredictOutputs(model.Network, sequences, threads, null, ct);
    }

    /// <summary>Share of a text's tokens outside the vocabulary above which <see cref="WarnAboutUnknownText"/> warns: 0.5.</summary>
    public const double UnknownShareWarning = 0.5;

    /// <summary>
    /// Writes a warning to <paramref name="error"/> for each text most of whose tokens (more than <see cref="UnknownShareWarning"/>)
    /// are not in <paramref name="vocabulary"/>, e.g. a text in another language than the training texts: its score means nothing.
    /// </summary>
    public static void WarnAboutUnknownText(Vocabulary vocabulary, IReadOnlyList<string> texts, TextWriter error) =>
        WarnAboutUnknownTokens(vocabulary, texts, UnknownTokens(vocabulary, texts), error);

    /// <summary>Each text's tokens outside <paramref name="vocabulary"/> and all its tokens (<see cref="Vocabulary.CountUnknown"/>).</summary>
    public static (int Unknown, int Tokens)[] UnknownTokens(Vocabulary vocabulary, IReadOnlyList<string> texts) => [.. texts.Select(vocabulary.CountUnknown)];

    private static void WarnAboutUnknownTokens(Vocabulary vocabulary, IReadOnlyList<string> texts, (int Unknown, int Tokens)[] counts, TextWriter error)
    {
        string tokens = vocabulary.IsSubword ? $"{vocabulary.Words.Count:N0} most frequent {vocabulary.Tokenizer} pieces" : $"{vocabulary.Words.Count:N0} most frequent words";
        for (int i = 0; i < texts.Count; i++)
        {
            var (unknown, count) = counts[i];
            if (count > 0 && unknown > UnknownShareWarning * count)
                error.WriteLine(System.FormattableString.Invariant(
                    $"warning: {unknown} of {count} tokens of text {i + 1} are not in the model's vocabulary (the {tokens} of the texts it was trained on); the score is not meaningful."));
        }
    }

    /// <summary>Each text's prediction from the network's raw outputs: P(positive) and label, the likeliest class, or the values.</summary>
    public static Prediction[] Predictions(NetworkSpec spec, IReadOnlyList<string> texts, float[] outputs)
    {
        int k = spec.Outputs;
        var predictions = new Prediction[texts.Count];
        var row = new float[k];
        for (int i = 0; i < texts.Count; i++)
        {
            outputs.AsSpan(i * k, k).CopyTo(row);
            SequenceNetwork.Activate(spec, row);
            predictions[i] = spec.Task switch
            {
                TaskKind.BinaryClassification => Prediction.Binary(texts[i], row[0]),
                TaskKind.MulticlassClassification => ClassPrediction(spec, texts[i], row),
                _ => new Prediction(texts[i], 0f, "", [.. row]),
            };
        }
        return predictions;
    }

    private static Prediction ClassPrediction(NetworkSpec spec, string text, float[] probabilities)
    {
        int best = SoftmaxCrossEntropy.ArgMax(probabilities);
        return new Prediction(text, probabilities[best], spec.ClassNames?[best] ?? best.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The reviews in order: the arguments (with '-' replaced by standard input's lines), then <paramref name="file"/>'s lines; blank lines are skipped.</summary>
    public static IReadOnlyList<string> ReadTexts(IEnumerable<string> arguments, string? file, TextReader input)
    {
        var texts = new List<string>();
        foreach (string argument in arguments)
        {
            if (argument == "-") texts.AddRange(ReadLines(input, "standard input"));
            else if (!string.IsNullOrWhiteSpace(argument)) texts.Add(argument);
        }
        if (file == "-") texts.AddRange(ReadLines(input, "standard input"));
        else if (file is not null)
        {
            string path = Path.GetFullPath(file);
            if (!File.Exists(path)) throw new FileNotFoundException($"--file: no file at {path}.", path);
            using var reader = new StreamReader(path);
            texts.AddRange(ReadLines(reader, $"--file {path}"));
        }
        return texts;
    }

    /// <summary>Longest review line read, in characters: far beyond any review, and it bounds memory on input without line breaks.</summary>
    public const int MaxLineLength = 10_000_000;

    private static List<string> ReadLines(TextReader reader, string source)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        var buffer = new char[1 << 16];
        int number = 1, read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int i = 0; i < read; i++)
            {
                char c = buffer[i];
                if (c == '\n')
                {
                    Add(lines, line);
                    number++;
                    continue;
                }
                if (line.Length >= MaxLineLength)
                    throw new InvalidDataException($"{source}: line {number} is longer than {MaxLineLength:N0} characters; give one review per line.");
                line.Append(c);
            }
        }
        Add(lines, line);
        return lines;
    }

    private static void Add(List<string> lines, System.Text.StringBuilder line)
    {
        string text = line.ToString().TrimEnd('\r');
        line.Clear();
        if (!string.IsNullOrWhiteSpace(text)) lines.Add(text);
    }
}
