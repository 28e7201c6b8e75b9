using Lstm.Training.Text;
using Microsoft.ML.OnnxRuntime;

namespace Lstm.MLNet.Scoring;

/// <summary>
/// One ONNX Runtime session over an <see cref="LstmOnnxModel"/>: scores a whole <see cref="NormalizedTextBatch"/>
/// with one <c>Run</c>, fetching the graph outputs its task's <see cref="OutputColumns"/> read. <c>Run</c> is thread-safe, so one scorer serves every cursor and prediction engine of a
/// transformer. Scoring after <see cref="Dispose"/> throws <see cref="ObjectDisposedException"/>, and Dispose waits for
/// running scores to finish: ONNX Runtime itself crashes the process when a disposed session is run.
/// </summary>
/// <remarks>
/// A padding-free model (<see cref="Lstm.Training.Onnx.OnnxModelMetadata.PaddingFree"/>) runs each batch only as long
/// as its longest text, so a batch larger than <see cref="RunRows"/> is scored in runs of that many texts taken in
/// order of their word counts, each text's outputs written back at its own place. A padded model reads every padding
/// step anyway: its batches are run as they come.
/// </remarks>
internal sealed class OnnxTextScorer : IDisposable
{
    private readonly string[] _inputNames;
    private readonly LstmOnnxModel _model;
    private readonly string[] _outputNames;
    private readonly int _width;
    private readonly bool _unknownShare;
    private readonly bool _sortByLength;
    private readonly GuardedSession _session;

    /// <summary>Opens a session on <paramref name="model"/> from memory (no temporary file).</summary>
    /// <param name="model">The checked model.</param>
    /// <param name="columns">The columns scored: which outputs are fetched, and their width.</param>
    /// <param name="intraOpThreads">ONNX Runtime's intra-op threads; null for one per core.</param>
    public OnnxTextScorer(LstmOnnxModel model, OutputColumns columns, int? intraOpThreads = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
        _model = model;
        _inputNames = [model.TokenizesInDotNet ? LstmOnnxModel.IdsInput : LstmOnnxModel.TextInput];
        _outputNames = [.. columns.OnnxOutputs];
        _width = columns.Width;
        _unknownShare = columns.UnknownTokenShareColumn is not null;
        _sortByLength = model.Metadata.PaddingFree;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads ?? Environment.ProcessorCount,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new GuardedSession(new InferenceSession(model.Bytes, options), nameof(LstmTransformer),
            "The LstmTransformer was disposed: the PredictionEngines and IDataViews made from it cannot score any more.");
    }

    /// <summary>Most texts per ONNX Runtime run of a padding-free model's sorted window: <see cref="LstmTransformer.BatchSize"/>.</summary>
    public const int RunRows = LstmTransformer.BatchSize;

    /// <summary>Texts a cursor over a padding-free model gathers before scoring them in order of length, <see cref="RunRows"/> at a time.</summary>
    public const int SortWindow = 1024;

    /// <summary>How many texts a batch scoring cursor gathers per <see cref="Score"/>: <see cref="SortWindow"/> for a padding-free model, else <see cref="RunRows"/> (one run).</summary>
    public int CursorRows => _sortByLength ? SortWindow : RunRows;

    /// <summary>The columns this scorer's outputs feed.</summary>
    public OutputColumns Columns { get; }

    /// <summary>
    /// Buffers for the outputs of <paramref name="rows"/> texts, as <see cref="Score"/> fills them: one per fetched ONNX
    /// output, then one of the unknown-token shares when the columns include it.
    /// </summary>
    public float[][] CreateOutputs(int rows) => [.. _outputNames.Select(_ => new float[rows * _width]), .. _unknownShare ? [new float[rows]] : Array.Empty<float[]>()];

    /// <summary>
    /// Writes each text's outputs: <paramref name="outputs"/> holds one array per fetched output, each of at least
    /// <c>batch.Count</c> × width values, then (when the columns include it) one of the texts' unknown-token shares.
    /// </summary>
    public void Score(NormalizedTextBatch batch, float[][] outputs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(outputs);
        int count = batch.Count;
        if (count == 0) return;
        using var lease = _session.Acquire();
        float[]? shares = _unknownShare ? outputs[_outputNames.Length] : null;
        var rows = new int[count];
        for (int i = 0; i < count; i++) rows[i] = i;
        if (_sortByLength && count > RunRows)
        {
            var words = new int[count];
            for (int i = 0; i < count; i++) words[i] = batch[i].Count(' ');
            Array.Sort(words, rows); // introsort: not stable, which only changes which texts share a run
        }
        int step = _sortByLength ? RunRows : count;
        for (int start = 0; start < count; start += step)
            Run(lease.Session, batch, rows.AsSpan(start, Math.Min(step, count - start)), outputs, shares);
    }

    /// <summary>One ONNX Runtime run over the texts <paramref name="rows"/> of <paramref name="batch"/>, whose outputs go to those rows of <paramref name="outputs"/>.</summary>
    private void Run(InferenceSession session, NormalizedTextBatch batch, ReadOnlySpan<int> rows, float[][] outputs, float[]? shares)
    {
        using var input = _model.TokenizesInDotNet ? PaddedIds(batch, rows, shares) : Texts(batch, rows, shares);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, _inputNames, [input], _outputNames);
        for (int i = 0; i < _outputNames.Length; i++)
        {
            var values = results[i].GetTensorDataAsSpan<float>();
            for (int r = 0; r < rows.Length; r++)
                values.Slice(r * _width, _width).CopyTo(outputs[i].AsSpan(rows[r] * _width, _width));
        }
    }

    /// <summary>A words model's input: the normalised texts (the graph splits and maps them); <paramref name="shares"/>, when given, gets each text's unknown-token share.</summary>
    private OrtValue Texts(NormalizedTextBatch batch, ReadOnlySpan<int> rows, float[]? shares)
    {
        var input = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, [rows.Length, 1]);
        for (int r = 0; r < rows.Length; r++)
        {
            int i = rows[r];
            input.StringTensorSetElementAt(batch[i], r);
            if (shares is not null)
            {
                var (unknown, tokens) = _model.Vocabulary.CountUnknownNormalized(batch[i]);
                shares[i] = OutputColumns.UnknownTokenShare(unknown, tokens);
            }
        }
        return input;
    }

    /// <summary>
    /// A subword model's input: each normalised text split into pieces, mapped and padded as the trainer did;
    /// <paramref name="shares"/>, when given, gets each text's unknown-token share from the same pieces.
    /// </summary>
    private OrtValue PaddedIds(NormalizedTextBatch batch, ReadOnlySpan<int> rows, float[]? shares)
    {
        var metadata = _model.Metadata;
        var encoded = new int[rows.Length][];
        for (int r = 0; r < rows.Length; r++)
        {
            encoded[r] = _model.Vocabulary.EncodeNormalized(batch[rows[r]]);
            if (shares is not null) shares[rows[r]] = OutputColumns.UnknownTokenShare(encoded[r].AsSpan(1).Count(Vocabulary.OovId), encoded[r].Length - 1);
        }
        int[][] padded = PadSequences.Pad(encoded, metadata.MaxLength, metadata.Padding, metadata.Truncating, Vocabulary.PaddingId);
        var flat = new long[rows.Length * metadata.MaxLength];
        for (int i = 0; i < padded.Length; i++)
        {
            for (int t = 0; t < metadata.MaxLength; t++) flat[(i * metadata.MaxLength) + t] = padded[i][t];
        }
        return OrtValue.CreateTensorValueFromMemory(flat, [rows.Length, metadata.MaxLength]);
    }

    /// <summary>Releases the session once no score is running; later scores throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _session.Dispose();
}
