using Lstm.MLNet.Saving;
using Lstm.MLNet.Scoring;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet;

/// <summary>
/// Scores text with a trained text model and adds the columns ML.NET's own trainers of its <see cref="Task"/> add, so
/// that the catalog's <c>Evaluate</c> works; the input's columns pass through.
/// <list type="bullet">
/// <item>Binary classification: <c>Score</c> (Single, the logit), <c>Probability</c> (Single) and <c>PredictedLabel</c>
/// (Boolean, Score &gt; 0).</item>
/// <item>Multi-class classification: <c>Score</c> (Vector&lt;Single, K&gt;, the class probabilities) and
/// <c>PredictedLabel</c> (<c>Key&lt;UInt32, K&gt;</c> whose key values are the <see cref="ClassNames"/>, so that
/// <c>MapKeyToValue</c> gives the class name).</item>
/// <item>Regression: <c>Score</c> (Single; Vector&lt;Single, K&gt; for a model of K outputs).</item>
/// <item>Optionally (when <see cref="UnknownTokenShareColumnName"/> is set): a Single column with the share of each text's
/// tokens outside the model's vocabulary (see <see cref="UnknownTokenShareColumnName"/>).</item>
/// </list>
/// Made by the trainers' <c>Fit</c> (<see cref="LstmTrainer"/>, <see cref="LstmMulticlassTrainer"/>,
/// <see cref="LstmRegressionTrainer"/>) or by <see cref="LstmScoringEstimator.Fit"/> (<c>ApplyLstmModel</c>), which reads
/// the task from the ONNX file.
/// </summary>
/// <remarks>
/// <para>The model runs in ONNX Runtime: <see cref="Transform"/> scores <see cref="BatchSize"/> rows per run (for a
/// padding-free model, a cursor reads 1,024 rows ahead and runs them in order of length, 32 at a time);
/// <c>PredictionEngine</c> scores one row at a time. Text is normalised with the trainer's own normaliser.</para>
/// <para><c>MLContext.Model.Save</c> stores the model as a chain of ML.NET's built-in transformers (CopyColumns,
/// CustomMapping, ApplyOnnxModel with the ONNX bytes inside the zip, then the task's steps, DropColumns), because ML.NET 5.0.1
/// lets no third-party transformer write its own state. <c>MLContext.Model.Load</c> returns that chain, not this type;
/// it gives the same columns and predictions (scoring one row per ONNX Runtime run). The loading application must
/// ship Lstm.MLNet.dll, which holds the CustomMapping steps.</para>
/// <para>Dispose the transformer to release its ONNX Runtime session.</para>
/// </remarks>
public sealed class LstmTransformer : ITransformer, IDisposable
{
    /// <summary>Rows scored per ONNX Runtime run by <see cref="Transform"/>: 32.</summary>
    public const int BatchSize = 32;

    private readonly LstmOnnxModel _model;
    private readonly OutputColumns _columns;
    private readonly OnnxTextScorer _scorer;
    private bool _disposed;

    internal LstmTransformer(LstmOnnxModel model, string textColumnName, History? trainingHistory, int? scoringThreads = null, string? unknownTokenShareColumnName = null)
    {
        _model = model;
        TextColumnName = textColumnName;
        TrainingHistory = trainingHistory;
        UnknownTokenShareColumnName = unknownTokenShareColumnName;
        _columns = OutputColumns.For(model).WithUnknownTokenShare(unknownTokenShareColumnName);
        _scorer = new OnnxTextScorer(model, _columns, scoringThreads);
    }

    /// <summary>The input column holding the text (String).</summary>
    public string TextColumnName { get; }

    /// <summary>What the ONNX model records: network shape, vocabulary size, maximum length, normaliser.</summary>
    public OnnxModelMetadata Metadata => _model.Metadata;

    /// <summary>
    /// The name of the added Single column holding the "unknown text" signal, or null (the default) when it is not added.
    /// Its value is the share of the text's tokens (words, or subword pieces for a subword model; all of them, before
    /// truncation to the maximum length) that are not in the model's vocabulary, from 0 to 1, after the trainer's text
    /// normalisation: the out-of-vocabulary count over the token count, 0 for a text without tokens (empty or only
    /// punctuation). It equals Lstm.Training's <c>TextVectorizer.UnknownShare</c>. Near 1 means the model never saw such
    /// text (e.g. another language than its training texts) and its score is not meaningful. Computed in .NET beside the
    /// ONNX run; such a transformer cannot be saved with <c>MLContext.Model.Save</c> (see <see cref="ICanSaveModel.Save"/>).
    /// </summary>
    public string? UnknownTokenShareColumnName { get; }

    /// <summary>The model's task, which decides the columns added.</summary>
    public TaskKind Task => _model.Task;

    /// <summary>A multi-class model's class names, in the order of <c>Score</c>'s slots and of <c>PredictedLabel</c>'s keys; null for other tasks.</summary>
    public IReadOnlyList<string>? ClassNames => _model.ClassNames;

    /// <summary>Per-epoch loss and accuracy (or mae) when a trainer made this transformer; null when it was read from a file.</summary>
    public History? TrainingHistory { get; }

    /// <summary>True: the transformer maps each row on its own, so it works in a <c>PredictionEngine</c>.</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>A copy of the ONNX model (text variant, with metadata), as <c>ApplyLstmModel</c> reads it.</summary>
    public byte[] GetOnnxModel() => (byte[])_model.Bytes.Clone();

    /// <summary>Writes the ONNX model to <paramref name="destination"/>, which is left open.</summary>
    public void SaveOnnxModel(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(_model.Bytes);
    }

    /// <summary>Writes the ONNX model to the file <paramref name="path"/>, replacing it.</summary>
    public void SaveOnnxModel(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, _model.Bytes);
    }

    /// <summary>The input schema followed by the task's columns (see the class summary).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text column is missing or not a String column.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        RequireText(inputSchema);
        return _columns.AppendTo(inputSchema);
    }

    /// <summary>A lazy view of <paramref name="input"/> with the task's columns; rows are scored a batch at a time as a cursor reads them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text column is missing or not a String column.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = RequireText(input.Schema);
        return new ScoredDataView(input, text, _scorer, _scorer.CursorRows);
    }

    /// <summary>A mapper that scores one row at a time (used by <c>PredictionEngine</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text column is missing or not a String column.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        var text = RequireText(inputSchema);
        return new RowScoringMapper(inputSchema, text, _scorer);
    }

    /// <summary>Saves the equivalent chain of ML.NET's built-in transformers (see the remarks).</summary>
    /// <exception cref="NotSupportedException">
    /// <see cref="UnknownTokenShareColumnName"/> is set: the share needs the model's vocabulary in .NET, which no built-in
    /// transformer of the saved chain can hold (ML.NET 5.0.1 lets no third-party transformer store state), so the column
    /// could not survive <c>MLContext.Model.Load</c>. Or the model is a subword model.
    /// </exception>
    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (UnknownTokenShareColumnName is { } unknown)
            throw new NotSupportedException(
                $"This LstmTransformer adds the unknown-token share column '{unknown}' (option unknownTokenShareColumnName / UnknownTokenShareColumnName), which cannot be saved into an ML.NET model zip: " +
                "the share is computed in .NET from the model's vocabulary, and ML.NET 5.0.1 lets no third-party transformer store such state, so a loaded model could not add the column. " +
                "Save a transformer made without that option (e.g. mlContext.Transforms.ApplyLstmModel(path) without unknownTokenShareColumnName), or save the ONNX model (SaveOnnxModel) and add the column after loading it with ApplyLstmModel(path, unknownTokenShareColumnName: \"" + unknown + "\").");
        BuiltInScoringChain.Save(_model, TextColumnName, ctx);
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _scorer.Dispose();
    }

    private DataViewSchema.Column RequireText(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return InputColumns.Require(inputSchema, "text", TextColumnName, TextDataViewType.Instance);
    }
}
