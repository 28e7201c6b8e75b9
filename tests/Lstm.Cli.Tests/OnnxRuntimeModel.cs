using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Lstm.Cli.Tests;

/// <summary>An exported .onnx file loaded in ONNX Runtime, run on normalised texts (text variant) or padded ids (ids variant).</summary>
internal sealed class OnnxRuntimeModel : IDisposable
{
    private readonly InferenceSession _session;

    public OnnxRuntimeModel(string path)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(path, options);
    }

    public IReadOnlyList<string> InputNames => [.. _session.InputMetadata.Keys];

    /// <summary>The <c>probability</c> output for texts already normalised (the text variant's input).</summary>
    public float[] ProbabilitiesOfText(IReadOnlyList<string> normalisedTexts)
    {
        var tensor = new DenseTensor<string>([normalisedTexts.Count, 1]);
        for (int i = 0; i < normalisedTexts.Count; i++) tensor[i, 0] = normalisedTexts[i];
        using var input = OrtValue.CreateFromStringTensor(tensor);
        return Probabilities("text", input);
    }

    /// <summary>The <c>probability</c> output for rows of padded ids (the ids variant's input).</summary>
    public float[] ProbabilitiesOfIds(IReadOnlyList<int[]> padded)
    {
        int length = padded[0].Length;
        var flat = new long[padded.Count * length];
        for (int i = 0; i < padded.Count; i++)
            for (int t = 0; t < length; t++) flat[i * length + t] = padded[i][t];
        using var input = OrtValue.CreateTensorValueFromMemory(flat, [padded.Count, length]);
        return Probabilities("input_ids", input);
    }

    private float[] Probabilities(string inputName, OrtValue input)
    {
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, new Dictionary<string, OrtValue> { [inputName] = input }, ["probability"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose() => _session.Dispose();
}
