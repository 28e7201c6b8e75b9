namespace Lstm.Training.Layers;

/// <summary>
/// What Keras's <c>model.summary()</c> shows: the model's name, one <see cref="LayerSummary"/> row per layer in order,
/// and the parameter totals. <see cref="Format"/> gives Keras's text; <see cref="LstmClassifier.Summary"/> builds one.
/// </summary>
/// <remarks>
/// A network with more layers (bidirectional, stacked, GRU, pooling) adds rows; the table's layout does not change.
/// </remarks>
public sealed class ModelSummary
{
    /// <summary>Keras's name of a <c>Sequential</c> model.</summary>
    public const string SequentialName = "sequential";

    /// <summary>A summary of the model <paramref name="name"/> made of <paramref name="layers"/>, in order.</summary>
    public ModelSummary(string name, IEnumerable<LayerSummary> layers)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(layers);
        Name = name;
        Layers = [.. layers];
        if (Layers.Any(layer => layer is null)) throw new ArgumentException("Layers must not be null.", nameof(layers));
    }

    /// <summary>The model's name: <c>sequential</c>.</summary>
    public string Name { get; }

    /// <summary>The layers, input first.</summary>
    public IReadOnlyList<LayerSummary> Layers { get; }

    /// <summary>Keras's <c>Total params</c>: every layer's <see cref="LayerSummary.Parameters"/>.</summary>
    public long TotalParameters => Layers.Sum(layer => layer.Parameters);

    /// <summary>Keras's <c>Trainable params</c>.</summary>
    public long TrainableParameters => Layers.Sum(layer => layer.TrainableParameters);

    /// <summary>Keras's <c>Non-trainable params</c>.</summary>
    public long NonTrainableParameters => Layers.Sum(layer => layer.NonTrainableParameters);

    /// <summary>
    /// The table as Keras 2 prints it (65 columns, trailing spaces trimmed, lines separated by <see cref="Environment.NewLine"/>,
    /// no final line break):
    /// <code>
    /// Model: "sequential"
    /// _________________________________________________________________
    ///  Layer (type)                Output Shape              Param #
    /// =================================================================
    ///  embedding (Embedding)       (None, 500, 128)          1280000
    ///  lstm (LSTM)                 (None, 128)               131584
    ///  dense (Dense)               (None, 1)                 129
    /// =================================================================
    /// Total params: 1,411,713
    /// Trainable params: 1,411,713
    /// Non-trainable params: 0
    /// _________________________________________________________________
    /// </code>
    /// </summary>
    public string Format() => string.Join(Environment.NewLine, ModelSummaryText.Lines(this));

    /// <summary>The same text as <see cref="Format"/>.</summary>
    public override string ToString() => Format();
}
