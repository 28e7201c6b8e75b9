using Lstm.Training.Layers;

namespace Lstm.Training.Models;

/// <summary>
/// The trainable tensors of a <see cref="SequenceNetwork"/>, row-major in Keras's layouts and names: the embedding, then
/// per recurrent layer and direction its <c>kernel</c> [input, gates], <c>recurrent_kernel</c> [units, gates] and
/// <c>bias</c> ([gates]; GRU [2, gates]: input bias, then recurrent bias), then the Dense <c>kernel</c> [features, outputs]
/// and <c>bias</c>. For the seed's shape the order and layout are <see cref="LstmClassifierParameters"/>'s.
/// </summary>
public sealed class NetworkParameters
{
    private readonly float[][] _tensors;
    private readonly string[] _names;
    private readonly int[][] _shapes;

    /// <summary>Creates zero-filled tensors for <paramref name="spec"/>.</summary>
    public NetworkParameters(NetworkSpec spec)
        : this(spec, allocate: true)
    {
    }

    private NetworkParameters(NetworkSpec spec, bool allocate)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        var names = new List<string>();
        var shapes = new List<int[]>();
        names.Add("embedding/embeddings");
        shapes.Add([spec.VocabularySize, spec.EmbeddingDim]);
        var counts = new Dictionary<string, int>();
        int bidirectionals = 0, input = spec.InputWidth;
        foreach (var layer in spec.Recurrent)
        {
            string name = Numbered(counts, layer.KerasName);
            string prefix = layer.Bidirectional ? Numbered(ref bidirectionals, "bidirectional") + "/" : "";
            for (int d = 0; d < layer.Directions; d++)
            {
                string scope = prefix + (layer.Bidirectional ? (d == 0 ? "forward_" : "backward_") : "") + name;
                names.Add(scope + "/kernel");
                shapes.Add([input, layer.GateWidth]);
                names.Add(scope + "/recurrent_kernel");
                shapes.Add([layer.Units, layer.GateWidth]);
                names.Add(scope + "/bias");
                shapes.Add(layer.Kind == RecurrentKind.Gru ? [2, layer.GateWidth] : [layer.GateWidth]);
            }
            input = layer.OutputWidth;
        }
        names.Add("dense/kernel");
        shapes.Add([spec.FeatureWidth, spec.Outputs]);
        names.Add("dense/bias");
        shapes.Add([spec.Outputs]);
        _names = [.. names];
        _shapes = [.. shapes];
        _tensors = new float[_shapes.Length][];
        for (int i = 0; i < _shapes.Length; i++)
        {
            long length = Length(_shapes[i]);
            if (length > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(spec), length, $"Tensor '{_names[i]}' would hold {length:N0} values, more than one array holds.");
            if (allocate) _tensors[i] = new float[length];
        }
    }

    /// <summary>Wraps <paramref name="tensors"/> (not copied), which must have the shapes <paramref name="spec"/> gives.</summary>
    internal NetworkParameters(NetworkSpec spec, IReadOnlyList<float[]> tensors)
        : this(spec, allocate: false)
    {
        if (tensors.Count != _shapes.Length) throw new ArgumentException($"{tensors.Count} tensors for {spec}, which has {_shapes.Length}.", nameof(tensors));
        for (int i = 0; i < _shapes.Length; i++)
        {
            if (tensors[i].LongLength != Length(_shapes[i])) throw new ArgumentException($"Tensor '{_names[i]}' has {tensors[i].LongLength} values; {spec} needs {Length(_shapes[i])}.", nameof(tensors));
            _tensors[i] = tensors[i];
        }
    }

    private static long Length(int[] shape)
    {
        long length = 1;
        foreach (int dim in shape) length *= dim;
        return length;
    }

    /// <summary>How many values the tensors of <paramref name="spec"/> hold, without allocating them.</summary>
    public static long ValueCount(NetworkSpec spec)
    {
        var layout = new NetworkParameters(spec, allocate: false);
        long total = 0;
        foreach (var shape in layout._shapes) total += Length(shape);
        return total;
    }

    /// <summary>The network these tensors belong to.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>Every tensor, in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<float[]> Tensors => _tensors;

    /// <summary>Keras's weight names, e.g. <c>bidirectional/forward_lstm/kernel</c>.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Each tensor's shape.</summary>
    public IReadOnlyList<int[]> Shapes => _shapes;

    /// <summary>Embedding matrix [VocabularySize, EmbeddingDim].</summary>
    public float[] Embedding => _tensors[0];

    /// <summary>Dense kernel [FeatureWidth, Outputs].</summary>
    public float[] DenseKernel => _tensors[^2];

    /// <summary>Dense bias [Outputs].</summary>
    public float[] DenseBias => _tensors[^1];

    /// <summary>Index in <see cref="Tensors"/> of the kernel of layer <paramref name="layer"/>, direction <paramref name="direction"/>; the recurrent kernel and bias follow it.</summary>
    internal int KernelIndex(int layer, int direction)
    {
        int index = 1;
        for (int l = 0; l < layer; l++) index += 3 * Spec.Recurrent[l].Directions;
        return index + 3 * direction;
    }

    /// <summary>Total number of trainable values.</summary>
    public long Count
    {
        get
        {
            long n = 0;
            foreach (var t in _tensors) n += t.LongLength;
            return n;
        }
    }

    /// <summary>Fills the tensors as Keras initialises the layers, drawing from <paramref name="random"/> in layer order.</summary>
    /// <remarks>For the seed's shape the draws are <see cref="KerasInitializers.Initialize"/>'s, so the same seed gives the same weights.</remarks>
    public void InitializeAsKeras(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        KerasInitializers.Uniform(Embedding, -0.05f, 0.05f, random);
        int input = Spec.InputWidth;
        for (int l = 0; l < Spec.Recurrent.Count; l++)
        {
            var layer = Spec.Recurrent[l];
            for (int d = 0; d < layer.Directions; d++)
            {
                int k = KernelIndex(l, d);
                KerasInitializers.GlorotUniform(_tensors[k], input, layer.GateWidth, random);
                KerasInitializers.Orthogonal(_tensors[k + 1], layer.Units, layer.GateWidth, random);
                var bias = _tensors[k + 2];
                Array.Clear(bias);
                if (layer.Kind == RecurrentKind.Lstm) bias.AsSpan(layer.Units, layer.Units).Fill(1f); // unit_forget_bias
            }
            input = layer.OutputWidth;
        }
        KerasInitializers.GlorotUniform(DenseKernel, Spec.FeatureWidth, Spec.Outputs, random);
        Array.Clear(DenseBias);
    }

    /// <summary>Copies every tensor of <paramref name="source"/> (same spec) into this instance.</summary>
    public void CopyFrom(NetworkParameters source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.Spec.Equals(Spec)) throw new ArgumentException($"Cannot copy parameters of {source.Spec} into {Spec}.", nameof(source));
        for (int i = 0; i < _tensors.Length; i++) source._tensors[i].AsSpan().CopyTo(_tensors[i]);
    }

    /// <summary>A deep copy.</summary>
    public NetworkParameters Clone()
    {
        var copy = new NetworkParameters(Spec);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>The seed-shaped view of these tensors (shared, not copied) for <see cref="LstmClassifier"/>'s kernels.</summary>
    internal LstmClassifierParameters AsClassifierParameters() => new(Spec.ToClassifierConfig(), _tensors);

    private static string Numbered(Dictionary<string, int> counts, string name)
    {
        counts.TryGetValue(name, out int n);
        counts[name] = n + 1;
        return n == 0 ? name : $"{name}_{n}";
    }

    private static string Numbered(ref int count, string name) => count++ == 0 ? name : $"{name}_{count - 1}";
}
