using Lstm.MLNet.Explaining;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet;

/// <summary>
/// Explains a text model's output for each row's text, made by <c>mlContext.Transforms.ExplainLstm(…)</c>: adds the
/// tokens the model read and one integrated-gradients attribution per token (see <see cref="LstmExplainTransformer"/>).
/// The model was imported and the settings checked when this estimator was created; <see cref="Fit"/> only checks the
/// input schema.
/// </summary>
public sealed partial class LstmExplainEstimator : IEstimator<LstmExplainTransformer>
{
    private readonly ExplainerModel _model;
    private readonly ExplanationColumns _columns;

    internal LstmExplainEstimator(byte[] onnx, string source, Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckColumnNames(options);
        _model = ExplainerModel.Create(onnx, source, options);
        _columns = new ExplanationColumns(options.TokensColumnName, options.AttributionsColumnName, options.CompletenessColumnName);
        InputColumnName = options.InputColumnName;
    }

    /// <summary>The input column holding the text (String).</summary>
    public string InputColumnName { get; }

    /// <summary>A transformer that explains the text column of input with this estimator's model and settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text column is missing or not a String column.</exception>
    public LstmExplainTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputColumns.Require(input.Schema, "text", InputColumnName, TextDataViewType.Instance);
        return new LstmExplainTransformer(_model, _columns, InputColumnName);
    }

    /// <summary>The input columns plus the tokens, attributions and (when asked for) completeness columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text column is missing or not a String column.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        InputColumns.Require(inputSchema, "text", InputColumnName, TextDataViewType.Instance);
        return _columns.AppendTo(inputSchema);
    }

    private static void CheckColumnNames(Options options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.InputColumnName, nameof(Options.InputColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TokensColumnName, nameof(Options.TokensColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AttributionsColumnName, nameof(Options.AttributionsColumnName));
        if (options.CompletenessColumnName is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(options.CompletenessColumnName, nameof(Options.CompletenessColumnName));
        string?[] added = [options.TokensColumnName, options.AttributionsColumnName, options.CompletenessColumnName];
        var names = added.Where(n => n is not null).ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new ArgumentException($"The added columns need distinct names; got tokens '{options.TokensColumnName}', attributions '{options.AttributionsColumnName}', completeness '{options.CompletenessColumnName}'.", nameof(options));
    }
}
