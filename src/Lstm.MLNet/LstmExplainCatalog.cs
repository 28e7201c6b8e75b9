using Lstm.Training.Explanations;
using Microsoft.ML;

namespace Lstm.MLNet;

/// <summary>
/// <c>mlContext.Transforms.ExplainLstm(…)</c>: per-token integrated-gradients attributions of a text model exported by
/// Lstm.MLNet, as columns beside each row's text (see <see cref="LstmExplainTransformer"/>).
/// </summary>
public static class LstmExplainCatalog
{
    /// <summary>Explains the text column with the ONNX model file <paramref name="modelFile"/> (as <c>ApplyLstmModel</c> reads it), with all of <paramref name="options"/>' settings.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="modelFile">Path of the .onnx file, or of a model folder holding <c>model.onnx</c> (or <c>model.ids.onnx</c>); read once, now.</param>
    /// <param name="options">Columns, steps, baseline and the output explained; see <see cref="LstmExplainEstimator.Options"/> for the defaults.</param>
    /// <exception cref="FileNotFoundException">The file does not exist, or the folder holds no model file.</exception>
    /// <exception cref="InvalidDataException">The file is not an ONNX model written by Lstm.MLNet (text variant, or a subword model).</exception>
    /// <exception cref="ArgumentException">A setting is invalid for this model; the message names it.</exception>
    public static LstmExplainEstimator ExplainLstm(this TransformsCatalog catalog, string modelFile, LstmExplainEstimator.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var model = LstmOnnxModel.FromFile(modelFile);
        return new LstmExplainEstimator(model.Bytes, $"'{modelFile}'", options);
    }

    /// <summary>Explains the text column with the ONNX model file <paramref name="modelFile"/>, adding the columns "Tokens", "Attributions" and "AttributionCompleteness".</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="modelFile">Path of the .onnx file, or of a model folder holding <c>model.onnx</c> (or <c>model.ids.onnx</c>); read once, now.</param>
    /// <param name="inputColumnName">The String column holding the text. Default "Text".</param>
    /// <param name="steps">Intervals of the integration path, 1 to 1,024. Default 32.</param>
    /// <param name="baseline">Where the path starts. Default <see cref="AttributionBaseline.Padding"/>.</param>
    /// <param name="className">Multi-class models: the class explained, by name. Default null: each row's predicted class.</param>
    /// <exception cref="FileNotFoundException">The file does not exist, or the folder holds no model file.</exception>
    /// <exception cref="InvalidDataException">The file is not an ONNX model written by Lstm.MLNet (text variant, or a subword model).</exception>
    /// <exception cref="ArgumentException">A setting is invalid for this model; the message names it.</exception>
    public static LstmExplainEstimator ExplainLstm(this TransformsCatalog catalog, string modelFile, string inputColumnName = "Text",
        int steps = IntegratedGradientsOptions.DefaultSteps, AttributionBaseline baseline = AttributionBaseline.Padding, string? className = null) =>
        catalog.ExplainLstm(modelFile, new LstmExplainEstimator.Options { InputColumnName = inputColumnName, Steps = steps, Baseline = baseline, ClassName = className });

    /// <summary>Explains the text column with the model of <paramref name="model"/> (a fitted trainer's or <c>ApplyLstmModel</c>'s transformer; its ONNX model is copied), with all of <paramref name="options"/>' settings.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="model">The scoring transformer whose model is explained; it is not changed and may be disposed afterwards.</param>
    /// <param name="options">Columns, steps, baseline and the output explained; see <see cref="LstmExplainEstimator.Options"/> for the defaults.</param>
    /// <exception cref="ArgumentException">A setting is invalid for this model; the message names it.</exception>
    public static LstmExplainEstimator ExplainLstm(this TransformsCatalog catalog, LstmTransformer model, LstmExplainEstimator.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);
        return new LstmExplainEstimator(model.GetOnnxModel(), "The LstmTransformer's ONNX model", options);
    }

    /// <summary>Explains the text column with the model of <paramref name="model"/>, adding the columns "Tokens", "Attributions" and "AttributionCompleteness".</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="model">The scoring transformer whose model is explained; it is not changed and may be disposed afterwards.</param>
    /// <param name="inputColumnName">The String column holding the text. Default: <paramref name="model"/>'s text column.</param>
    /// <param name="steps">Intervals of the integration path, 1 to 1,024. Default 32.</param>
    /// <param name="baseline">Where the path starts. Default <see cref="AttributionBaseline.Padding"/>.</param>
    /// <param name="className">Multi-class models: the class explained, by name. Default null: each row's predicted class.</param>
    /// <exception cref="ArgumentException">A setting is invalid for this model; the message names it.</exception>
    public static LstmExplainEstimator ExplainLstm(this TransformsCatalog catalog, LstmTransformer model, string? inputColumnName = null,
        int steps = IntegratedGradientsOptions.DefaultSteps, AttributionBaseline baseline = AttributionBaseline.Padding, string? className = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return catalog.ExplainLstm(model, new LstmExplainEstimator.Options { InputColumnName = inputColumnName ?? model.TextColumnName, Steps = steps, Baseline = baseline, ClassName = className });
    }
}
