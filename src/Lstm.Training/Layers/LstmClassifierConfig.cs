namespace Lstm.Training.Layers;

/// <summary>
/// The shape of an Embedding → LSTM → Dense(1, sigmoid) network, named as Keras names it.
/// Defaults are the seed program's: <c>Embedding(10000, 128)</c>, <c>LSTM(128, dropout=0.2, recurrent_dropout=0.2)</c>.
/// </summary>
public sealed record LstmClassifierConfig
{
    /// <summary>Rows of the embedding matrix (Keras <c>input_dim</c>); ids must be below it. Default 10,000.</summary>
    public int VocabularySize { get; init; } = SeedDefaults.NumWords;

    /// <summary>Width of each embedding vector (Keras <c>output_dim</c>). Default 128.</summary>
    public int EmbeddingDim { get; init; } = SeedDefaults.EmbeddingDim;

    /// <summary>LSTM hidden state size (Keras <c>units</c>). Default 128.</summary>
    public int Units { get; init; } = SeedDefaults.Units;

    /// <summary>Fraction of the LSTM's input units dropped while training, one mask per sequence. Default 0.2.</summary>
    public float Dropout { get; init; } = SeedDefaults.Dropout;

    /// <summary>Fraction of the LSTM's recurrent state units dropped while training, one mask per sequence. Default 0.2.</summary>
    public float RecurrentDropout { get; init; } = SeedDefaults.RecurrentDropout;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (VocabularySize < SeedDefaults.MinimumNumWords) throw new ArgumentOutOfRangeException(nameof(VocabularySize), VocabularySize, "VocabularySize must be at least 4 (ids 0-3 are reserved).");
        if (EmbeddingDim < 1) throw new ArgumentOutOfRangeException(nameof(EmbeddingDim), EmbeddingDim, "EmbeddingDim must be positive.");
        if (Units < 1) throw new ArgumentOutOfRangeException(nameof(Units), Units, "Units must be positive.");
        if (Dropout is < 0f or >= 1f || float.IsNaN(Dropout)) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout must be in [0, 1).");
        if (RecurrentDropout is < 0f or >= 1f || float.IsNaN(RecurrentDropout)) throw new ArgumentOutOfRangeException(nameof(RecurrentDropout), RecurrentDropout, "RecurrentDropout must be in [0, 1).");
    }
}
