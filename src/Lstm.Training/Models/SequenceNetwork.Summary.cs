using Lstm.Training.Layers;

namespace Lstm.Training.Models;

public sealed partial class SequenceNetwork
{
    /// <summary>
    /// Keras's <c>model.summary()</c>: each layer with its output shape and parameter count (a Bidirectional layer
    /// counts both directions), for inputs of <paramref name="maxLength"/> steps (None when null).
    /// </summary>
    public ModelSummary Summary(int? maxLength = null)
    {
        if (maxLength is < 1) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxLength must be at least 1.");
        if (Classifier is not null) return Classifier.Summary(maxLength);
        var spec = Spec;
        var names = new KerasLayerNames();
        var layers = new List<LayerSummary>
        {
            spec.IsNumeric
                ? new(names.Next("input_layer"), "InputLayer", [null, maxLength, spec.InputFeatures], 0)
                : new(names.Next("Embedding"), "Embedding", [null, maxLength, spec.EmbeddingDim], Parameters.Embedding.LongLength),
        };
        for (int l = 0; l < spec.Recurrent.Count; l++)
        {
            var layer = spec.Recurrent[l];
            bool sequences = l < spec.Recurrent.Count - 1 || spec.Pooling != PoolingKind.Last;
            long count = 0;
            for (int d = 0; d < layer.Directions; d++)
            {
                int k = Parameters.KernelIndex(l, d);
                count += Parameters.Tensors[k].LongLength + Parameters.Tensors[k + 1].LongLength + Parameters.Tensors[k + 2].LongLength;
            }
            string type = layer.Kind switch { RecurrentKind.Lstm => "LSTM", RecurrentKind.Gru => "GRU", _ => "SimpleRNN" };
            int?[] shape = sequences ? [null, maxLength, layer.OutputWidth] : [null, layer.OutputWidth];
            layers.Add(layer.Bidirectional
                ? new LayerSummary(names.Next("Bidirectional"), "Bidirectional", shape, count)
                : new LayerSummary(names.Next(type), type, shape, count));
        }
        if (spec.Pooling == PoolingKind.Max) layers.Add(new LayerSummary(names.Next("GlobalMaxPooling1D"), "GlobalMaxPooling1D", [null, spec.FeatureWidth], 0));
        if (spec.Pooling == PoolingKind.Mean) layers.Add(new LayerSummary(names.Next("GlobalAveragePooling1D"), "GlobalAveragePooling1D", [null, spec.FeatureWidth], 0));
        layers.Add(new LayerSummary(names.Next("Dense"), "Dense", [null, spec.Outputs], Parameters.DenseKernel.LongLength + Parameters.DenseBias.LongLength));
        return new ModelSummary(ModelSummary.SequentialName, layers);
    }
}
