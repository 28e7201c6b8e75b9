using Lstm.Training.Onnx;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Onnx;

namespace Lstm.MLNet.Forecasting;

/// <summary>
/// What <c>MLContext.Model.Save</c> writes for an <see cref="LstmForecastingTransformer"/>: a chain of ML.NET's
/// built-in transformers, which hold all of the model's state (ML.NET 5.0.1 lets no third-party transformer store its
/// own):
/// <list type="number">
/// <item>CopyColumns <see cref="LstmForecastingTransformer.WindowColumnName"/> (<c>Vector&lt;Single, W×F&gt;</c>) to <c>input</c>;</item>
/// <item>ApplyOnnxModel with the ONNX bytes inside the zip, shape dictionary <c>input: [1, W, F]</c>, output <c>value</c>;</item>
/// <item>CopyColumns <c>value</c> to the output column, then DropColumns <c>input</c>, <c>value</c>.</item>
/// </list>
/// No CustomMapping: loading needs no Lstm.MLNet code. The saved ONNX copy records the output column under
/// <see cref="OutputColumnKey"/>, by which <see cref="LstmModelZip.LoadForecasting(MLContext, string, out DataViewSchema, int?)"/>
/// recognises it. The ONNX step is built from a temporary file deleted here (ML.NET's <c>ApplyOnnxModel(Stream)</c>
/// would leave its own copy behind).
/// </summary>
internal static class ForecastSavedChain
{
    /// <summary>The ONNX metadata key of the saved copy that names the forecast column; scoring ignores it.</summary>
    internal const string OutputColumnKey = "lstm_mlnet.mlnet.forecast_column";

    private const string OnnxInput = "input";
    private const string OnnxOutput = "value";

    public static void Save(byte[] model, int windowSize, int features, string outputColumnName, ModelSaveContext ctx)
    {
        if (outputColumnName is OnnxInput or OnnxOutput || outputColumnName == LstmForecastingTransformer.WindowColumnName)
            throw new NotSupportedException(
                $"An LstmForecastingTransformer whose output column is '{outputColumnName}' cannot be saved into an ML.NET model zip: the saved chain uses the columns '{LstmForecastingTransformer.WindowColumnName}', '{OnnxInput}' and '{OnnxOutput}' itself. Choose another outputColumnName.");
        string modelFile = Path.Combine(Path.GetTempPath(), $"lstm-mlnet-forecast-{Guid.NewGuid():N}.onnx");
        ITransformer? chain = null;
        try
        {
            File.WriteAllBytes(modelFile, OnnxMetadataProps.With(model, new Dictionary<string, string> { [OutputColumnKey] = outputColumnName }));
            chain = Build(modelFile, windowSize, features, outputColumnName);
            chain.Save(ctx);
        }
        finally
        {
            (chain as IDisposable)?.Dispose();
            File.Delete(modelFile);
        }
    }

    private static ITransformer Build(string modelFile, int windowSize, int features, string outputColumnName)
    {
        var ml = new MLContext();
        var onnx = new OnnxOptions
        {
            ModelFile = modelFile,
            InputColumns = [OnnxInput],
            OutputColumns = [OnnxOutput],
            ShapeDictionary = new Dictionary<string, int[]> { [OnnxInput] = [1, windowSize, features] },
        };
        var chain = new EstimatorChain<ITransformer>()
            .Append<ITransformer>(ml.Transforms.CopyColumns(outputColumnName: OnnxInput, inputColumnName: LstmForecastingTransformer.WindowColumnName))
            .Append<ITransformer>(ml.Transforms.ApplyOnnxModel(onnx))
            .Append<ITransformer>(ml.Transforms.CopyColumns(outputColumnName: outputColumnName, inputColumnName: OnnxOutput))
            .Append<ITransformer>(ml.Transforms.DropColumns(OnnxInput, OnnxOutput));
        return chain.Fit(EmptyInput(ml, windowSize * features));
    }

    private static IDataView EmptyInput(MLContext ml, int size)
    {
        var definition = SchemaDefinition.Create(typeof(WindowRow));
        definition[0].ColumnName = LstmForecastingTransformer.WindowColumnName;
        definition[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return ml.Data.LoadFromEnumerable(Array.Empty<WindowRow>(), definition);
    }

    private sealed class WindowRow
    {
        public float[] Window { get; set; } = [];
    }
}
