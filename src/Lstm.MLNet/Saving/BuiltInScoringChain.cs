using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Saving;

/// <summary>
/// The form in which an <see cref="LstmTransformer"/> is saved: ML.NET 5.0.1 lets no third-party transformer write its
/// own state into a model zip, so the transformer saves this chain of ML.NET's built-in transformers instead, which
/// holds everything per model (the ONNX bytes) and <c>MLContext.Model.Load</c> can read back without Lstm.MLNet types:
/// <list type="number">
/// <item>CopyColumns: the text column to <see cref="TextNormalizationMapping.RawTextColumn"/>;</item>
/// <item>CustomMapping <see cref="TextNormalizationMapping"/>: that copy, normalised, to <c>text</c>;</item>
/// <item>ApplyOnnxModel from the model's bytes (stored inside the zip): <c>text</c> to <c>logit</c>, <c>probability</c>;</item>
/// <item>CustomMapping <see cref="ScoreMapping"/>: those to Score, Probability, PredictedLabel;</item>
/// <item>DropColumns: the intermediate columns (when the text column itself is named <c>text</c>, it is copied back).</item>
/// </list>
/// The ONNX step is built from a temporary file that <see cref="Save"/> deletes: ML.NET 5.0.1's
/// <c>ApplyOnnxModel(Stream)</c> would write its own temporary copy and never delete it, even on Dispose.
/// </summary>
internal static class BuiltInScoringChain
{
    private static readonly string[] OnnxOutputs = [LstmOnnxModel.LogitOutput, LstmOnnxModel.ProbabilityOutput];

    /// <summary>Saves the chain for <paramref name="model"/> reading <paramref name="textColumnName"/> into <paramref name="ctx"/>, leaving no file behind.</summary>
    public static void Save(LstmOnnxModel model, string textColumnName, ModelSaveContext ctx)
    {
        string modelFile = Path.Combine(Path.GetTempPath(), $"lstm-mlnet-{Guid.NewGuid():N}.onnx");
        ITransformer? chain = null;
        try
        {
            File.WriteAllBytes(modelFile, model.Bytes);
            chain = Build(modelFile, textColumnName);
            chain.Save(ctx);
        }
        finally
        {
            (chain as IDisposable)?.Dispose();
            File.Delete(modelFile);
        }
    }

    private static ITransformer Build(string modelFile, string textColumnName)
    {
        var ml = new MLContext();
        const string raw = TextNormalizationMapping.RawTextColumn;
        bool textIsGraphInput = textColumnName == LstmOnnxModel.TextInput;
        var chain = ml.Transforms.CopyColumns(outputColumnName: raw, inputColumnName: textColumnName)
            .Append(ml.Transforms.CustomMapping<TextNormalizationMapping.RawText, TextNormalizationMapping.NormalizedText>(
                TextNormalizationMapping.Map, TextNormalizationMapping.ContractName))
            .Append(ml.Transforms.ApplyOnnxModel(outputColumnNames: OnnxOutputs, inputColumnNames: [LstmOnnxModel.TextInput], modelFile: modelFile))
            .Append(ml.Transforms.CustomMapping<ScoreMapping.OnnxOutputs, ScoreMapping.BinaryScores>(ScoreMapping.Map, ScoreMapping.ContractName));
        IEstimator<ITransformer> estimator = textIsGraphInput
            ? chain.Append(ml.Transforms.DropColumns(LstmOnnxModel.TextInput, LstmOnnxModel.LogitOutput, LstmOnnxModel.ProbabilityOutput))
                .Append(ml.Transforms.CopyColumns(outputColumnName: textColumnName, inputColumnName: raw))
                .Append(ml.Transforms.DropColumns(raw))
            : chain.Append(ml.Transforms.DropColumns(raw, LstmOnnxModel.TextInput, LstmOnnxModel.LogitOutput, LstmOnnxModel.ProbabilityOutput));
        return estimator.Fit(EmptyInput(ml, textColumnName));
    }

    private static IDataView EmptyInput(MLContext ml, string textColumnName)
    {
        var definition = SchemaDefinition.Create(typeof(TextRow));
        definition[0].ColumnName = textColumnName;
        return ml.Data.LoadFromEnumerable(Array.Empty<TextRow>(), definition);
    }

    private sealed class TextRow
    {
        public string Text { get; set; } = string.Empty;
    }
}
