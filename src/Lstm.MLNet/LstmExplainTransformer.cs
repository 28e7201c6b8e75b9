using Lstm.MLNet.Explaining;
using Lstm.Training.Explanations;
using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet;

/// <summary>
/// Explains a text model's output for each row's text with integrated gradients (see
/// <see cref="TextExplainer"/>), adding:
/// <list type="bullet">
/// <item><see cref="TokensColumnName"/> (variable-length <c>Vector&lt;String&gt;</c>): the tokens the model read, normalised
/// words or subword pieces, after truncation, the start token left out;</item>
/// <item><see cref="AttributionsColumnName"/> (variable-length <c>Vector&lt;Single&gt;</c>): each token's attribution, in the
/// same order, in the explained output's units (the logit of "positive", the class's logit, or the value);</item>
/// <item>optionally <see cref="CompletenessColumnName"/> (Single): the completeness check's relative error.</item>
/// </list>
/// A text without tokens gets empty vectors and a NaN completeness error. The input's columns pass through.
/// </summary>
/// <remarks>
/// <para>The network runs in .NET (imported back from the ONNX model), m forward and backward passes per row plus one
/// forward pass per token for the occlusion check <see cref="TextExplainer"/> also makes: far slower than scoring, so
/// it is a separate step, and scoring with <c>ApplyLstmModel</c> or the trainers is unchanged. Rows are explained
/// lazily, one at a time, by an explainer per cursor (or per <c>PredictionEngine</c>).</para>
/// <para><c>MLContext.Model.Save</c> refuses this transformer (see <see cref="ICanSaveModel.Save"/>).</para>
/// </remarks>
public sealed class LstmExplainTransformer : ITransformer
{
    private readonly ExplainerModel _model;
    private readonly ExplanationColumns _columns;

    internal LstmExplainTransformer(ExplainerModel model, ExplanationColumns columns, string inputColumnName)
    {
        _model = model;
        _columns = columns;
        InputColumnName = inputColumnName;
    }

    /// <summary>The input column holding the text (String).</summary>
    public string InputColumnName { get; }

    /// <summary>The added column of tokens (variable-length <c>Vector&lt;String&gt;</c>).</summary>
    public string TokensColumnName => _columns.Tokens;

    /// <summary>The added column of attributions (variable-length <c>Vector&lt;Single&gt;</c>).</summary>
    public string AttributionsColumnName => _columns.Attributions;

    /// <summary>The added Single column of the completeness check's relative error, or null when it is not added.</summary>
    public string? CompletenessColumnName => _columns.Completeness;

    /// <summary>The explained model's task.</summary>
    public TaskKind Task => _model.Network.Spec.Task;

    /// <summary>Path steps, baseline and the output explained (null: output 0, or each row's predicted class for multi-class).</summary>
    public IntegratedGradientsOptions IntegratedGradients => _model.Integrated;

    /// <summary>True: each row is explained on its own, so the transformer works in a <c>PredictionEngine</c>.</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>The input schema followed by the added columns (see the class summary).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text column is missing or not a String column.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        RequireText(inputSchema);
        return _columns.AppendTo(inputSchema);
    }

    /// <summary>A lazy view of <paramref name="input"/> with the added columns; a row is explained when a cursor reads them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text column is missing or not a String column.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ExplainedDataView(input, RequireText(input.Schema), _model, _columns);
    }

    /// <summary>A mapper that explains one row at a time (used by <c>PredictionEngine</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text column is missing or not a String column.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        new ExplainingRowMapper(inputSchema, RequireText(inputSchema), _model, _columns);

    /// <summary>Always throws: this transformer cannot be saved into an ML.NET model zip.</summary>
    /// <exception cref="NotSupportedException">
    /// Always: the explanation runs the network in .NET from weights imported out of the ONNX model, and ML.NET 5.0.1 lets
    /// no third-party transformer store such state (no built-in transformer can hold it either), so a loaded model could
    /// not add the columns. Save the scoring model instead, and explain after loading it with <c>ExplainLstm</c> again.
    /// </exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException(
            $"The ExplainLstm transformer (columns '{TokensColumnName}', '{AttributionsColumnName}') cannot be saved into an ML.NET model zip: " +
            "it runs the network in .NET from weights imported out of the ONNX model, and ML.NET 5.0.1 lets no third-party transformer store such state, so a loaded model could not add the columns. " +
            "Save the scoring model without this step (mlContext.Model.Save of the LstmTransformer, or its ONNX model with SaveOnnxModel), " +
            "and explain after loading with mlContext.Transforms.ExplainLstm(\"model.onnx\") again.");

    private DataViewSchema.Column RequireText(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return InputColumns.Require(inputSchema, "text", InputColumnName, TextDataViewType.Instance);
    }
}
