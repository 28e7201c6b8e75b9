namespace Lstm.Training.Layers;

/// <summary>
/// The trainable tensors of an <see cref="LstmClassifier"/>, stored row-major in Keras's layouts and gate order
/// (i, f, c, o), so that they can be compared with, or copied from, a Keras model's <c>get_weights()</c>.
/// </summary>
public sealed class LstmClassifierParameters
{
    /// <summary>Creates zero-filled tensors for <paramref name="config"/>.</summary>
    public LstmClassifierParameters(LstmClassifierConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        int e = config.EmbeddingDim, h = config.Units;
        Embedding = new float[(long)config.VocabularySize * e];
        Kernel = new float[e * 4 * h];
        RecurrentKernel = new float[h * 4 * h];
        Bias = new float[4 * h];
        DenseKernel = new float[h];
        DenseBias = new float[1];
    }

    /// <summary>Wraps tensors laid out as <see cref="TensorNames"/> (not copied); the lengths must match <paramref name="config"/>.</summary>
    internal LstmClassifierParameters(LstmClassifierConfig config, IReadOnlyList<float[]> tensors)
    {
        config.Validate();
        Config = config;
        Embedding = tensors[0];
        Kernel = tensors[1];
        RecurrentKernel = tensors[2];
        Bias = tensors[3];
        DenseKernel = tensors[4];
        DenseBias = tensors[5];
        int e = config.EmbeddingDim, h = config.Units;
        long[] expected = [(long)config.VocabularySize * e, (long)e * 4 * h, (long)h * 4 * h, 4 * h, h, 1];
        for (int i = 0; i < expected.Length; i++)
            if (tensors[i].LongLength != expected[i]) throw new ArgumentException($"Tensor '{TensorNames[i]}' has {tensors[i].LongLength} values; {config} needs {expected[i]}.", nameof(tensors));
    }

    /// <summary>The shape these tensors belong to.</summary>
    public LstmClassifierConfig Config { get; }

    /// <summary>Embedding matrix, [VocabularySize, EmbeddingDim].</summary>
    public float[] Embedding { get; }

    /// <summary>LSTM input kernel W, [EmbeddingDim, 4·Units], column blocks in gate order i, f, c, o.</summary>
    public float[] Kernel { get; }

    /// <summary>LSTM recurrent kernel U, [Units, 4·Units], column blocks in gate order i, f, c, o.</summary>
    public float[] RecurrentKernel { get; }

    /// <summary>LSTM bias b, [4·Units], in gate order i, f, c, o.</summary>
    public float[] Bias { get; }

    /// <summary>Dense kernel, [Units, 1].</summary>
    public float[] DenseKernel { get; }

    /// <summary>Dense bias, [1].</summary>
    public float[] DenseBias { get; }

    /// <summary>All tensors in a fixed order (embedding, kernel, recurrent kernel, bias, dense kernel, dense bias).</summary>
    public IReadOnlyList<float[]> Tensors => [Embedding, Kernel, RecurrentKernel, Bias, DenseKernel, DenseBias];

    /// <summary>Names of <see cref="Tensors"/>, in the same order, as Keras names the weights.</summary>
    public static IReadOnlyList<string> TensorNames { get; } =
        ["embedding/embeddings", "lstm/kernel", "lstm/recurrent_kernel", "lstm/bias", "dense/kernel", "dense/bias"];

    /// <summary>Copies every tensor of <paramref name="source"/> (same config) into this instance.</summary>
    public void CopyFrom(LstmClassifierParameters source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Config != Config) throw new ArgumentException($"Cannot copy parameters of shape {source.Config} into {Config}.", nameof(source));
        for (int i = 0; i < Tensors.Count; i++) source.Tensors[i].AsSpan().CopyTo(Tensors[i]);
    }

    /// <summary>A deep copy.</summary>
    public LstmClassifierParameters Clone()
    {
        var copy = new LstmClassifierParameters(Config);
        copy.CopyFrom(this);
        return copy;
    }
}
