using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lstm.Cli.Data;
using Lstm.Cli.Progress;
using Lstm.Cli.Runs;
using Lstm.Training.Text;

namespace Lstm.Cli.Summaries;

/// <summary>Writes a <see cref="ModelReport"/> in a <see cref="SummaryFormat"/>.</summary>
internal static class ModelReportWriter
{
    private static readonly JsonWriterOptions Json = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> as <paramref name="format"/> says.</summary>
    public static void Write(TextWriter output, ModelReport report, SummaryFormat format)
    {
        if (format == SummaryFormat.Json)
        {
            output.WriteLine(ToJson(report));
            return;
        }
        output.WriteLine(report.Layers.Format());
        foreach (string line in Details(report)) output.WriteLine(line);
    }

    /// <summary>
    /// The lines after the table: <c>Source:</c>, <c>Vocabulary:</c>, <c>Sequences:</c>, <c>Dropout:</c>,
    /// <c>Normaliser:</c>, and <c>Training:</c> for a run folder.
    /// </summary>
    public static IEnumerable<string> Details(ModelReport report)
    {
        var c = report.Config;
        yield return $"Source:      {report.Source} ({report.Kind})";
        yield return Invariant($"Vocabulary:  num_words {report.NumWords}, {(report.IsSubword ? Pieces(report) : Words(report.VocabularyWords))}; 0 padding, 1 start, 2 out-of-vocabulary, 3 unused");
        yield return Invariant($"Sequences:   maxlen {report.Padding.MaxLen}, padding {SequencePadding.Format(report.Padding.Padding)}, truncating {SequencePadding.Format(report.Padding.Truncating)}");
        yield return Invariant($"Dropout:     dropout {c.Dropout}, recurrent_dropout {c.RecurrentDropout} (while training only)");
        yield return Invariant($"Normaliser:  {ModelReport.Normalizer} v{ModelReport.NormalizerVersion}");
        if (report.Manifest is { } manifest)
        {
            yield return $"Training:    {Training(manifest)}";
            if (manifest.Test is { } test) yield return $"Test:        {Test(test)}";
        }
    }

    /// <summary><c>loss: 0.3795 - accuracy: 0.8566 on 25,000 reviews of IMDB test split, looked at once after training</c>.</summary>
    private static string Test(TrainingManifest.TestSection test)
    {
        string metrics = test.Accuracy is { } accuracy
            ? Invariant($"loss: {test.Loss:0.0000} - accuracy: {accuracy:0.0000}")
            : Invariant($"loss: {test.Loss:0.0000} - mae: {test.Mae:0.0000} - rmse: {test.Rmse:0.0000}");
        return Invariant($"{metrics} on {test.Count:N0} reviews of {test.Data}, looked at once after training");
    }

    private static string Words(int count) => count switch
    {
        0 => "no words",
        1 => Invariant($"1 word (id {Vocabulary.IndexFrom + 1})"),
        _ => Invariant($"{count:N0} words (ids {Vocabulary.IndexFrom + 1}-{Vocabulary.IndexFrom + count})"),
    };

    /// <summary><c>3,136 subword pieces of o200k_base (Microsoft.ML.Tokenizers 2.0.1), ids 4-3139</c>.</summary>
    private static string Pieces(ModelReport report)
    {
        int count = report.VocabularyWords;
        string ids = count switch
        {
            0 => "",
            1 => Invariant($", id {Vocabulary.IndexFrom + 1}"),
            _ => Invariant($", ids {Vocabulary.IndexFrom + 1}-{Vocabulary.IndexFrom + count}"),
        };
        string version = report.TokenizerVersion is { } v ? $" {v}" : "";
        return Invariant($"{count:N0} subword piece{(count == 1 ? "" : "s")} of {report.Tokenizer} ({SubwordTokenizer.Library}{version}){ids}");
    }

    /// <summary><c>completed, 6 of 10 epochs, stopped early, weights of epoch 3 - loss: 0.2955 - accuracy: 0.8809 - val_loss: … - val_accuracy: …</c>.</summary>
    private static string Training(TrainingManifest manifest)
    {
        if (manifest.Result is not { } result) return $"{manifest.EffectiveStatus}, no epoch finished";
        string line = Invariant($"{manifest.EffectiveStatus}, {result.EpochsCompleted} of {manifest.Training.Epochs} epochs");
        if (result.StoppedEarly) line += ", stopped early";
        if (result.RestoredEpoch is { } restored) line += Invariant($", weights of epoch {restored}");
        line += $" - loss: {ProgressText.Metric(result.Loss)}";
        if (result.Accuracy is { } accuracy) line += $" - accuracy: {ProgressText.Metric(accuracy)}";
        if (result.Mae is { } mae) line += $" - mae: {ProgressText.Metric(mae)}";
        if (result.ValLoss is { } valLoss) line += $" - val_loss: {ProgressText.Metric(valLoss)}";
        if (result.ValAccuracy is { } valAccuracy) line += $" - val_accuracy: {ProgressText.Metric(valAccuracy)}";
        if (result.ValMae is { } valMae) line += $" - val_mae: {ProgressText.Metric(valMae)}";
        return line;
    }

    /// <summary>
    /// One object: <c>{"source", "kind", "model", "layers": [{"name", "type", "outputShape", "params"}], "totalParams",
    /// "trainableParams", "nonTrainableParams", "vocabulary" (<c>{"numWords", "tokenizer", "words"}</c>, or for a subword
    /// model <c>{"numWords", "tokenizer", "pieces", "tokenizerLibrary", "tokenizerVersion"}</c>), "preprocessing", "dropout", "recurrentDropout", "training"}</c>;
    /// <c>null</c> in <c>outputShape</c> is Keras's None, and <c>training</c> is null unless the source is a run folder.
    /// </summary>
    public static string ToJson(ModelReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartObject();
            json.WriteString("source", report.Source);
            json.WriteString("kind", report.Kind);
            json.WriteString("model", report.Layers.Name);
            json.WriteStartArray("layers");
            foreach (var layer in report.Layers.Layers)
            {
                json.WriteStartObject();
                json.WriteString("name", layer.Name);
                json.WriteString("type", layer.Type);
                json.WriteStartArray("outputShape");
                foreach (int? size in layer.OutputShape)
                {
                    if (size is { } n) json.WriteNumberValue(n);
                    else json.WriteNullValue();
                }
                json.WriteEndArray();
                json.WriteNumber("params", layer.Parameters);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("totalParams", report.Layers.TotalParameters);
            json.WriteNumber("trainableParams", report.Layers.TrainableParameters);
            json.WriteNumber("nonTrainableParams", report.Layers.NonTrainableParameters);

            json.WriteStartObject("vocabulary");
            json.WriteNumber("numWords", report.NumWords);
            json.WriteString("tokenizer", report.Tokenizer);
            if (report.IsSubword)
            {
                json.WriteNumber("pieces", report.VocabularyWords);
                json.WriteString("tokenizerLibrary", SubwordTokenizer.Library);
                if (report.TokenizerVersion is { } version) json.WriteString("tokenizerVersion", version);
            }
            else
            {
                json.WriteNumber("words", report.VocabularyWords);
            }
            json.WriteEndObject();
            json.WriteStartObject("preprocessing");
            json.WriteString("normalizer", ModelReport.Normalizer);
            json.WriteNumber("normalizerVersion", ModelReport.NormalizerVersion);
            json.WriteNumber("maxLen", report.Padding.MaxLen);
            json.WriteString("padding", SequencePadding.Format(report.Padding.Padding));
            json.WriteString("truncating", SequencePadding.Format(report.Padding.Truncating));
            json.WriteEndObject();
            json.WriteNumber("dropout", report.Config.Dropout);
            json.WriteNumber("recurrentDropout", report.Config.RecurrentDropout);

            if (report.Manifest is { } manifest)
            {
                json.WriteStartObject("training");
                json.WriteString("status", manifest.EffectiveStatus);
                json.WriteNumber("epochs", manifest.Training.Epochs);
                if (manifest.Result is { } result)
                {
                    json.WriteNumber("epochsCompleted", result.EpochsCompleted);
                    json.WriteBoolean("stoppedEarly", result.StoppedEarly);
                    WriteNullable(json, "restoredEpoch", result.RestoredEpoch);
                    json.WriteNumber("loss", result.Loss);
                    WriteNullable(json, "accuracy", result.Accuracy);
                    WriteNullable(json, "valLoss", result.ValLoss);
                    WriteNullable(json, "valAccuracy", result.ValAccuracy);
                    if (result.Mae is not null) WriteNullable(json, "mae", result.Mae);
                    if (result.ValMae is not null) WriteNullable(json, "valMae", result.ValMae);
                }
                else json.WriteNumber("epochsCompleted", 0);
                json.WriteEndObject();
                if (manifest.Test is { } test)
                {
                    json.WriteStartObject("test");
                    json.WriteString("data", test.Data);
                    json.WriteNumber("count", test.Count);
                    json.WriteNumber("loss", test.Loss);
                    WriteNullable(json, "accuracy", test.Accuracy);
                    if (test.Mae is not null) WriteNullable(json, "mae", test.Mae);
                    if (test.Rmse is not null) WriteNullable(json, "rmse", test.Rmse);
                    json.WriteString("note", test.Note);
                    json.WriteEndObject();
                }
            }
            else json.WriteNull("training");
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
