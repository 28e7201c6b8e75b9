using System.Globalization;

namespace Lstm.Training.Layers;

/// <summary>
/// One row of a <see cref="ModelSummary"/>: a layer as Keras's <c>model.summary()</c> lists it, e.g.
/// <c>lstm (LSTM)  (None, 128)  131584</c>.
/// </summary>
/// <param name="Name">Keras name, unique in the model: <c>embedding</c>, <c>lstm</c>, <c>lstm_1</c>.</param>
/// <param name="Type">Keras class name: <c>Embedding</c>, <c>LSTM</c>, <c>Dense</c>.</param>
/// <param name="OutputShape">The layer's output shape, batch dimension first; null for a dimension that is not known (Keras's <c>None</c>).</param>
/// <param name="Parameters">Weights the layer holds, trainable or not (Keras's <c>Param #</c>).</param>
/// <param name="NonTrainableParameters">How many of <paramref name="Parameters"/> training does not change.</param>
public sealed record LayerSummary(string Name, string Type, IReadOnlyList<int?> OutputShape, long Parameters, long NonTrainableParameters = 0)
{
    /// <summary>Keras's <c>Param #</c>: the count of weights the layer holds.</summary>
    public long Parameters { get; } = Parameters >= NonTrainableParameters && NonTrainableParameters >= 0
        ? Parameters
        : throw new ArgumentOutOfRangeException(nameof(Parameters), Parameters, $"Parameters must be at least NonTrainableParameters ({NonTrainableParameters}), which must not be negative.");

    /// <summary>Weights training changes: <see cref="Parameters"/> minus <see cref="NonTrainableParameters"/>.</summary>
    public long TrainableParameters => Parameters - NonTrainableParameters;

    /// <summary><c>name (Type)</c>, the first column of Keras's table: <c>lstm (LSTM)</c>.</summary>
    public string Label => $"{Name} ({Type})";

    /// <summary>The output shape as Python prints Keras's tuple: <c>(None, 500, 128)</c>, <c>(None, None, 128)</c>, <c>(None,)</c>.</summary>
    public string OutputShapeText =>
        OutputShape.Count == 1 ? $"({Dimension(OutputShape[0])},)" : $"({string.Join(", ", OutputShape.Select(Dimension))})";

    private static string Dimension(int? size) => size is { } n ? n.ToString(CultureInfo.InvariantCulture) : "None";
}
