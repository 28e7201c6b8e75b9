using Lstm.MLNet.Scoring;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet;

/// <summary>
/// Scores text with an existing ONNX model written by Lstm.MLNet, without training: made by
/// <c>mlContext.Transforms.ApplyLstmModel(…)</c>. The model file was checked when this estimator was created;
/// <see cref="Fit"/> only checks the input schema and returns an <see cref="LstmTransformer"/>.
/// </summary>
public sealed class LstmScoringEstimator : IEstimator<LstmTransformer>
{
    private readonly LstmOnnxModel _model;

    internal LstmScoringEstimator(LstmOnnxModel model, string textColumnName, string? unknownTokenShareColumnName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(textColumnName);
        if (unknownTokenShareColumnName is not null) OutputColumns.CheckUnknownTokenShareName(unknownTokenShareColumnName);
        _model = model;
        TextColumnName = textColumnName;
        UnknownTokenShareColumnName = unknownTokenShareColumnName;
    }

    /// <summary>The input column holding the text (String).</summary>
    public string TextColumnName { get; }

    /// <summary>The added Single column with each text's share of tokens outside the vocabulary, or null for none (see <see cref="LstmTransformer.UnknownTokenShareColumnName"/>).</summary>
    public string? UnknownTokenShareColumnName { get; }

    /// <summary>What the ONNX model records: network shape, vocabulary size, maximum length, normaliser.</summary>
    public OnnxModelMetadata Metadata => _model.Metadata;

    /// <summary>The model's task, read from the ONNX file's metadata; it decides the columns added.</summary>
    public TaskKind Task => _model.Task;

    /// <summary>A new transformer (with its own ONNX Runtime session; dispose it) for input with the text column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text column is missing or not a String column.</exception>
    public LstmTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputColumns.Require(input.Schema, "text", TextColumnName, TextDataViewType.Instance);
        return new LstmTransformer(_model, TextColumnName, trainingHistory: null, unknownTokenShareColumnName: UnknownTokenShareColumnName);
    }

    /// <summary>The input columns plus the columns of the model's task (see <see cref="LstmTransformer"/>), and the unknown-token share column when asked for.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text column is missing or not a String column.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        InputColumns.Require(inputSchema, "text", TextColumnName, TextDataViewType.Instance);
        return OutputColumns.For(_model).WithUnknownTokenShare(UnknownTokenShareColumnName).AppendTo(inputSchema);
    }
}
