using Lstm.MLNet.Scoring;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Saving;

/// <summary>
/// The form in which an <see cref="LstmTransformer"/> is saved: ML.NET 5.0.1 lets no third-party transformer write its
/// own state into a model zip, so the transformer saves this chain of ML.NET's built-in transformers instead, which
/// holds everything per model (the ONNX bytes, the class names) and <c>MLContext.Model.Load</c> can read back without
/// Lstm.MLNet types:
/// <list type="number">
/// <item>CopyColumns: the text column to <see cref="TextNormalizationMapping.RawTextColumn"/>;</item>
/// <item>CustomMapping <see cref="TextNormalizationMapping"/>: that copy, normalised, to <c>text</c>;</item>
/// <item>ApplyOnnxModel from the model's bytes (stored inside the zip): <c>text</c> to the task's outputs;</item>
/// <item>the task's steps:
///   binary, CustomMapping <see cref="ScoreMapping"/>: <c>logit</c>, <c>probability</c> to Score, Probability, PredictedLabel;
///   multi-class, CopyColumns <c>probability</c> to Score, CustomMapping <see cref="ClassIndexMapping"/> to the class
///   index, MapValue from index to class name, MapValueToKey (key data: the class names in order) to PredictedLabel;
///   regression, CustomMapping <see cref="RegressionScoreMapping"/> (one output) or CopyColumns (K outputs): <c>value</c> to Score.
///   ApplyOnnxModel types a <c>[batch, K]</c> output <c>Vector&lt;Single, 1, K&gt;</c> and no built-in transform drops
///   that leading dimension (Concatenate, ConvertType and the like keep it; a CustomMapping's vector sizes are fixed at
///   compile time), so a loaded model's vector Score is <c>Vector&lt;Single, 1, K&gt;</c>: K values like the
///   transformer's <c>Vector&lt;Single, K&gt;</c>, read the same way by Evaluate, PredictionEngine and CreateEnumerable.</item>
/// <item>DropColumns: the intermediate columns (when the text column itself is named <c>text</c>, it is copied back).</item>
/// </list>
/// The ONNX step is built from a temporary file that <see cref="Save"/> deletes: ML.NET 5.0.1's
/// <c>ApplyOnnxModel(Stream)</c> would write its own temporary copy and never delete it, even on Dispose.
/// </summary>
internal static class BuiltInScoringChain
{
    private const string ClassNameColumn = "Lstm.MLNet.ClassName";

    /// <summary>
    /// The ONNX metadata key under which the saved copy of the model records the text column the chain reads, so that
    /// <see cref="LstmModelZip.Load(MLContext, string, out DataViewSchema, int?)"/> can put a batching
    /// <see cref="LstmTransformer"/> back in the chain's place. Scoring ignores it.
    /// </summary>
    internal const string TextColumnKey = "lstm_mlnet.mlnet.text_column";

    /// <summary>Saves the chain for <paramref name="model"/> reading <paramref name="textColumnName"/> into <paramref name="ctx"/>, leaving no file behind.</summary>
    public static void Save(LstmOnnxModel model, string textColumnName, ModelSaveContext ctx)
    {
        if (model.TokenizesInDotNet)
            throw new NotSupportedException(
                $"A subword model ({model.Metadata.Tokenizer}) cannot be saved into an ML.NET model zip yet: its tokenizer runs in .NET with a per-model piece mapping, which ML.NET 5.0.1 lets no third-party transformer store. " +
                "Save the ONNX model instead (LstmTransformer.SaveOnnxModel) and load it with mlContext.Transforms.ApplyLstmModel(path).");
        string modelFile = Path.Combine(Path.GetTempPath(), $"lstm-mlnet-{Guid.NewGuid():N}.onnx");
        ITransformer? chain = null;
        try
        {
            File.WriteAllBytes(modelFile, OnnxMetadataProps.With(model.Bytes, new Dictionary<string, string> { [TextColumnKey] = textColumnName }));
            chain = Build(model, modelFile, textColumnName);
            chain.Save(ctx);
        }
        finally
        {
            (chain as IDisposable)?.Dispose();
            File.Delete(modelFile);
        }
    }

    private static ITransformer Build(LstmOnnxModel model, string modelFile, string textColumnName)
    {
        var ml = new MLContext();
        const string raw = TextNormalizationMapping.RawTextColumn;
        var onnxOutputs = OutputColumns.For(model).OnnxOutputs.ToArray();
        // One flat chain (Append on an IEstimator would nest the chain built so far as a single step).
        var chain = new EstimatorChain<ITransformer>()
            .Append<ITransformer>(ml.Transforms.CopyColumns(outputColumnName: raw, inputColumnName: textColumnName))
            .Append<ITransformer>(ml.Transforms.CustomMapping<TextNormalizationMapping.RawText, TextNormalizationMapping.NormalizedText>(
                TextNormalizationMapping.Map, TextNormalizationMapping.ContractName))
            .Append<ITransformer>(ml.Transforms.ApplyOnnxModel(outputColumnNames: onnxOutputs, inputColumnNames: [LstmOnnxModel.TextInput], modelFile: modelFile));
        chain = AppendTaskSteps(ml, chain, model, out var intermediates);
        string[] dropped = [LstmOnnxModel.TextInput, .. onnxOutputs, .. intermediates];
        chain = textColumnName == LstmOnnxModel.TextInput
            ? chain.Append<ITransformer>(ml.Transforms.DropColumns(dropped))
                .Append<ITransformer>(ml.Transforms.CopyColumns(outputColumnName: textColumnName, inputColumnName: raw))
                .Append<ITransformer>(ml.Transforms.DropColumns(raw))
            : chain.Append<ITransformer>(ml.Transforms.DropColumns([raw, .. dropped]));
        return chain.Fit(EmptyInput(ml, textColumnName));
    }

    /// <summary>Appends the steps from the graph's outputs to the task's columns; <paramref name="intermediates"/> are the extra columns they leave to drop.</summary>
    private static EstimatorChain<ITransformer> AppendTaskSteps(MLContext ml, EstimatorChain<ITransformer> chain, LstmOnnxModel model, out string[] intermediates)
    {
        intermediates = [];
        switch (model.Task)
        {
            case TaskKind.MulticlassClassification:
                var names = model.ClassNames!;
                var indexToName = names.Select((name, index) => new KeyValuePair<uint, string>((uint)index, name));
                var keyData = ml.Data.LoadFromEnumerable(names.Select(name => new ClassNameRow { Name = name }));
                intermediates = [ClassIndexMapping.IndexColumn, ClassNameColumn];
                return chain
                    .Append<ITransformer>(ml.Transforms.CopyColumns(outputColumnName: OutputColumns.Score, inputColumnName: LstmOnnxModel.ProbabilityOutput))
                    .Append<ITransformer>(ml.Transforms.CustomMapping<ClassIndexMapping.ClassProbabilities, ClassIndexMapping.ClassIndex>(ClassIndexMapping.Map, ClassIndexMapping.ContractName))
                    .Append<ITransformer>(ml.Transforms.Conversion.MapValue(ClassNameColumn, indexToName, ClassIndexMapping.IndexColumn))
                    .Append<ITransformer>(ml.Transforms.Conversion.MapValueToKey(OutputColumns.PredictedLabel, ClassNameColumn, keyData: keyData));
            case TaskKind.Regression when model.Outputs == 1:
                return chain.Append<ITransformer>(ml.Transforms.CustomMapping<RegressionScoreMapping.OnnxValue, RegressionScoreMapping.RegressionScore>(
                    RegressionScoreMapping.Map, RegressionScoreMapping.ContractName));
            case TaskKind.Regression:
                return chain.Append<ITransformer>(ml.Transforms.CopyColumns(outputColumnName: OutputColumns.Score, inputColumnName: LstmOnnxModel.ValueOutput));
            default:
                return chain.Append<ITransformer>(ml.Transforms.CustomMapping<ScoreMapping.OnnxOutputs, ScoreMapping.BinaryScores>(ScoreMapping.Map, ScoreMapping.ContractName));
        }
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

    private sealed class ClassNameRow
    {
        public string Name { get; set; } = string.Empty;
    }
}
