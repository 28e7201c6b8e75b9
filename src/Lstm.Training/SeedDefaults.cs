namespace Lstm.Training;

/// <summary>
/// The seed program's settings (the Keras IMDB example: <c>imdb.load_data(num_words=10000)</c>,
/// <c>pad_sequences(maxlen=500)</c>, <c>Embedding(10000, 128)</c>, <c>LSTM(128, dropout=0.2, recurrent_dropout=0.2)</c>,
/// Adam 0.001, batch 32, 10 epochs), declared once: the trainer, the <c>lstm</c> command and the ML.NET trainer take
/// their defaults from here.
/// </summary>
public static class SeedDefaults
{
    /// <summary>Keras <c>num_words</c>: ids are below it, 4 of them reserved (padding, start, out-of-vocabulary, unused). 10,000.</summary>
    public const int NumWords = 10_000;

    /// <summary>The smallest <see cref="NumWords"/>: the 4 reserved ids.</summary>
    public const int MinimumNumWords = 4;

    /// <summary>Keras <c>pad_sequences(maxlen=…)</c>. 500.</summary>
    public const int MaxLength = 500;

    /// <summary>Keras <c>Embedding(output_dim=…)</c>. 128.</summary>
    public const int EmbeddingDim = 128;

    /// <summary>Keras <c>LSTM(units=…)</c>. 128.</summary>
    public const int Units = 128;

    /// <summary>Keras <c>LSTM(dropout=…)</c>. 0.2.</summary>
    public const float Dropout = 0.2f;

    /// <summary>Keras <c>LSTM(recurrent_dropout=…)</c>. 0.2.</summary>
    public const float RecurrentDropout = 0.2f;

    /// <summary>Keras <c>fit(epochs=…)</c>. 10.</summary>
    public const int Epochs = 10;

    /// <summary>Keras <c>fit(batch_size=…)</c>. 32.</summary>
    public const int BatchSize = 32;

    /// <summary>Keras <c>Adam(learning_rate=…)</c>. 0.001.</summary>
    public const float LearningRate = 1e-3f;

    /// <summary>The seed of shuffling, dropout masks and initial weights. 42.</summary>
    public const int Seed = 42;
}
