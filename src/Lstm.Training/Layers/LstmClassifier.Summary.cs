namespace Lstm.Training.Layers;

public sealed partial class LstmClassifier
{
    /// <summary>
    /// Keras's <c>model.summary()</c> of this network: <c>embedding (Embedding)</c>, <c>lstm (LSTM)</c> and
    /// <c>dense (Dense)</c> with their output shapes, and parameter counts summed from the loaded tensors
    /// (Keras's formulas give the same: Embedding V·E, LSTM 4·(H·(E+H)+H), Dense H+1).
    /// <c>Console.WriteLine(model.Summary(500))</c> prints the table; see <see cref="ModelSummary.Format"/>.
    /// </summary>
    /// <param name="maxLength">
    /// Length of the padded sequences the model reads (Keras <c>maxlen</c>), shown in the embedding's output shape;
    /// null shows <c>None</c>, as Keras does when the input length is not fixed.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1.</exception>
    public ModelSummary Summary(int? maxLength = null)
    {
        if (maxLength is < 1) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxLength must be at least 1.");
        var config = Config;
        var names = new KerasLayerNames();
        return new ModelSummary(ModelSummary.SequentialName,
        [
            Layer(names.Next("Embedding"), "Embedding", [null, maxLength, config.EmbeddingDim]),
            Layer(names.Next("LSTM"), "LSTM", [null, config.Units]),
            Layer(names.Next("Dense"), "Dense", [null, Parameters.DenseBias.Length]),
        ]);
    }

    /// <summary>A row whose parameter count is the total length of the tensors named <c>name/…</c> (<see cref="LstmClassifierParameters.TensorNames"/>).</summary>
    private LayerSummary Layer(string name, string type, int?[] outputShape)
    {
        long parameters = 0;
        for (int i = 0; i < Parameters.Tensors.Count; i++)
        {
            if (LstmClassifierParameters.TensorNames[i].StartsWith(name + "/", StringComparison.Ordinal)) parameters += Parameters.Tensors[i].LongLength;
        }
        return new LayerSummary(name, type, outputShape, parameters);
    }
}
