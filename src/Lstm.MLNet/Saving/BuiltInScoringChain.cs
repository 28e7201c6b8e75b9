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
/// </summary>
internal static class BuiltInScoringChain
{
    private static readonly string[] OnnxOutputs = [LstmOnnxModel.LogitOutput, LstmOnnxModel.ProbabilityOutput];

    /// <summary>
    /// Builds the chain for <paramref name="model"/> reading <paramref name="textColumnName"/>. Its ONNX step holds a
    /// temporary copy of the model file until the chain is disposed.
    /// </summary>
    public static ITransformer Build(LstmOnnxModel model, string textColumnName)
    {
        var ml = new MLContext();
        const string raw = TextNormalizationMapping.RawTextColumn;
        bool textIsGraphInput = textColumnName == LstmOnnxModel.TextInput;
        using var modelBytes = new MemoryStream(model.Bytes, writable: false);
        var chain = ml.Transforms.CopyColumns(outputColumnName: raw, inputColumnName: textColumnName)
            .Append(ml.Transforms.CustomMapping<TextNormalizationMapping.RawText, TextNormalizationMapping.NormalizedText>(
                TextNormalizationMapping.Map, TextNormalizationMapping.ContractName))
            .Append(ml.Transforms.ApplyOnnxModel(outputColumnNames: OnnxOutputs, inputColumnNames: [LstmOnnxModel.TextInput], modelBytes: modelBytes))
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
