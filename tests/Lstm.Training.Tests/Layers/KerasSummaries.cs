namespace Lstm.Training.Tests.Layers;

/// <summary>Text Keras 2 prints for known models, the independent truth the summary tests compare against.</summary>
internal static class KerasSummaries
{
    /// <summary><c>model.summary()</c> of the seed program's model with maxlen 500 (models/imdb-lstm), trailing spaces trimmed.</summary>
    public const string SeedModel = """
        Model: "sequential"
        _________________________________________________________________
         Layer (type)                Output Shape              Param #
        =================================================================
         embedding (Embedding)       (None, 500, 128)          1280000
         lstm (LSTM)                 (None, 128)               131584
         dense (Dense)               (None, 1)                 129
        =================================================================
        Total params: 1,411,713
        Trainable params: 1,411,713
        Non-trainable params: 0
        _________________________________________________________________
        """;
}
