using Microsoft.ML.OnnxRuntime;

namespace Lstm.Training.Tests.Onnx;

/// <summary>An ONNX Runtime session over an exported model, with typed runs for both variants.</summary>
internal sealed class OnnxSession : IDisposable
{
    private readonly InferenceSession _session;

    public OnnxSession(byte[] model)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(model, options);
    }

    public InferenceSession Session => _session;

    public sealed record Result(float[] Logits, float[] Probabilities, long[][]? TokenIds);

    public Result RunText(IReadOnlyList<string> texts, bool tokenIds = false)
    {
        var tensor = new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<string>([texts.Count, 1]);
        for (int i = 0; i < texts.Count; i++) tensor[i, 0] = texts[i];
        using var input = OrtValue.CreateFromStringTensor(tensor);
        return Run("text", input, tokenIds);
    }

    public Result RunIds(IReadOnlyList<long[]> padded)
    {
        int length = padded.Count == 0 ? 0 : padded[0].Length;
        var flat = new long[padded.Count * length];
        for (int i = 0; i < padded.Count; i++) padded[i].CopyTo(flat, i * length);
        using var input = OrtValue.CreateTensorValueFromMemory(flat, [padded.Count, length]);
        return Run("input_ids", input, tokenIds: false);
    }

    /// <summary>Only the padded ids, without reading the network's outputs.</summary>
    public long[][] RunTokenIds(IReadOnlyList<string> texts)
    {
        var tensor = new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<string>([texts.Count, 1]);
        for (int i = 0; i < texts.Count; i++) tensor[i, 0] = texts[i];
        using var input = OrtValue.CreateFromStringTensor(tensor);
        using var outputs = _session.Run(new RunOptions(), new Dictionary<string, OrtValue> { ["text"] = input }, ["token_ids"]);
        return Rows(outputs[0]);
    }

    /// <summary>The named float outputs (row-major) for padded ids.</summary>
    public float[][] RunIds(IReadOnlyList<long[]> padded, IReadOnlyList<string> outputs)
    {
        int length = padded.Count == 0 ? 0 : padded[0].Length;
        var flat = new long[padded.Count * length];
        for (int i = 0; i < padded.Count; i++) padded[i].CopyTo(flat, i * length);
        using var input = OrtValue.CreateTensorValueFromMemory(flat, [padded.Count, length]);
        return RunFloats("input_ids", input, outputs);
    }

    /// <summary>The named float outputs (row-major) for normalised texts.</summary>
    public float[][] RunText(IReadOnlyList<string> texts, IReadOnlyList<string> outputs)
    {
        var tensor = new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<string>([texts.Count, 1]);
        for (int i = 0; i < texts.Count; i++) tensor[i, 0] = texts[i];
        using var input = OrtValue.CreateFromStringTensor(tensor);
        return RunFloats("text", input, outputs);
    }

    private float[][] RunFloats(string inputName, OrtValue input, IReadOnlyList<string> names)
    {
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, new Dictionary<string, OrtValue> { [inputName] = input }, names);
        return [.. outputs.Select(o => o.GetTensorDataAsSpan<float>().ToArray())];
    }

    private Result Run(string inputName, OrtValue input, bool tokenIds)
    {
        string[] names = tokenIds ? ["logit", "probability", "token_ids"] : ["logit", "probability"];
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, new Dictionary<string, OrtValue> { [inputName] = input }, names);
        return new Result(
            outputs[0].GetTensorDataAsSpan<float>().ToArray(),
            outputs[1].GetTensorDataAsSpan<float>().ToArray(),
            tokenIds ? Rows(outputs[2]) : null);
    }

    private static long[][] Rows(OrtValue value)
    {
        var shape = value.GetTensorTypeAndShape().Shape;
        var data = value.GetTensorDataAsSpan<long>();
        int rows = (int)shape[0], cols = (int)shape[1];
        var result = new long[rows][];
        for (int r = 0; r < rows; r++) result[r] = data.Slice(r * cols, cols).ToArray();
        return result;
    }

    public void Dispose() => _session.Dispose();
}
