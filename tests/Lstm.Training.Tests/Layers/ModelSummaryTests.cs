using Lstm.Training.Layers;

namespace Lstm.Training.Tests.Layers;

/// <summary><see cref="LstmClassifier.Summary"/>: Keras's model.summary() text, and parameter counts that are the tensors' lengths.</summary>
public class ModelSummaryTests
{
    private static string Text(ModelSummary summary) => summary.Format().ReplaceLineEndings("\n");

    private static long TensorTotal(LstmClassifier model) => model.Parameters.Tensors.Sum(t => t.LongLength);

    [Fact]
    public void The_seed_model_prints_as_Keras_prints_it()
    {
        var model = new LstmClassifier(new LstmClassifierConfig(), seed: 1);
        var summary = model.Summary(500);
        Assert.Equal(KerasSummaries.SeedModel.ReplaceLineEndings("\n"), Text(summary));
        Assert.Equal(summary.Format(), summary.ToString());
        Assert.Equal(1_411_713, TensorTotal(model));
        Assert.Equal(TensorTotal(model), summary.TotalParameters);
    }

    [Fact]
    public void The_shipped_model_file_gives_the_seed_figures()
    {
        string? file = Onnx.RepositoryPaths.FindUpwards(Path.Combine("models", "imdb-lstm", "model.lstm"));
        Assert.NotNull(file);
        Assert.Equal(KerasSummaries.SeedModel.ReplaceLineEndings("\n"), Text(LstmClassifier.Load(file).Summary(500)));
    }

    [Theory]
    [InlineData(10_000, 128, 128)]
    [InlineData(4, 1, 1)]
    [InlineData(200, 8, 8)]
    [InlineData(20_000, 64, 32)]
    [InlineData(5_000, 16, 100)]
    public void Counts_are_the_tensor_lengths_and_Keras_formulas(int v, int e, int h)
    {
        var model = new LstmClassifier(new LstmClassifierConfig { VocabularySize = v, EmbeddingDim = e, Units = h }, seed: 3);
        var summary = model.Summary();
        var p = model.Parameters;

        Assert.Equal(["embedding", "lstm", "dense"], summary.Layers.Select(l => l.Name));
        Assert.Equal(["Embedding", "LSTM", "Dense"], summary.Layers.Select(l => l.Type));
        Assert.Equal([p.Embedding.LongLength, p.Kernel.LongLength + p.RecurrentKernel.LongLength + p.Bias.LongLength, p.DenseKernel.LongLength + p.DenseBias.LongLength],
            summary.Layers.Select(l => l.Parameters));
        Assert.Equal([(long)v * e, 4L * (h * (e + h) + h), h + 1L], summary.Layers.Select(l => l.Parameters));
        Assert.Equal(TensorTotal(model), summary.TotalParameters);
        Assert.Equal(summary.TotalParameters, summary.TrainableParameters);
        Assert.Equal(0, summary.NonTrainableParameters);
        Assert.Equal(["(None, None, " + e + ")", "(None, " + h + ")", "(None, 1)"], summary.Layers.Select(l => l.OutputShapeText));
    }

    [Fact]
    public void A_small_model_without_a_known_length_shows_None()
    {
        var model = new LstmClassifier(new LstmClassifierConfig { VocabularySize = 200, EmbeddingDim = 8, Units = 4, Dropout = 0, RecurrentDropout = 0 });
        Assert.Equal("""
            Model: "sequential"
            _________________________________________________________________
             Layer (type)                Output Shape              Param #
            =================================================================
             embedding (Embedding)       (None, None, 8)           1600
             lstm (LSTM)                 (None, 4)                 208
             dense (Dense)               (None, 1)                 5
            =================================================================
            Total params: 1,813
            Trainable params: 1,813
            Non-trainable params: 0
            _________________________________________________________________
            """.ReplaceLineEndings("\n"), Text(model.Summary()));
        Assert.Equal(1_813, TensorTotal(model));
    }

    [Fact]
    public void Counts_of_a_million_or_more_have_no_separators_in_the_table_and_commas_in_the_totals()
    {
        var model = new LstmClassifier(new LstmClassifierConfig { VocabularySize = 88_588, EmbeddingDim = 300, Units = 256 });
        string text = Text(model.Summary(2_500));
        Assert.Contains("\n embedding (Embedding)       (None, 2500, 300)         26576400\n", text);
        Assert.Contains("\n lstm (LSTM)                 (None, 256)               570368\n", text);
        Assert.Contains("\nTotal params: 27,147,025\n", text);
        Assert.Equal(27_147_025, TensorTotal(model));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_max_length_below_one_is_refused(int maxLength)
    {
        var model = new LstmClassifier(new LstmClassifierConfig { VocabularySize = 10, EmbeddingDim = 2, Units = 2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Summary(maxLength));
    }

    [Fact]
    public void Future_layers_add_rows_in_the_same_layout_and_long_fields_wrap_as_Keras_wraps_them()
    {
        var names = new KerasLayerNames();
        var summary = new ModelSummary(ModelSummary.SequentialName,
        [
            new LayerSummary(names.Next("Embedding"), "Embedding", [null, 200, 32], 6_400),
            new LayerSummary(names.Next("Bidirectional"), "Bidirectional", [null, 200, 128], 49_664),
            new LayerSummary(names.Next("LSTM"), "LSTM", [null, 200, 16], 9_280),
            new LayerSummary(names.Next("LSTM"), "LSTM", [null, 16], 2_112),
            new LayerSummary(names.Next("GlobalMaxPooling1D"), "GlobalMaxPooling1D", [null, 16], 0),
            new LayerSummary(names.Next("BatchNormalization"), "BatchNormalization", [null, 16], 64, NonTrainableParameters: 32),
            new LayerSummary(names.Next("Dense"), "Dense", [null], 17),
        ]);
        Assert.Equal("""
            Model: "sequential"
            _________________________________________________________________
             Layer (type)                Output Shape              Param #
            =================================================================
             embedding (Embedding)       (None, 200, 32)           6400
             bidirectional (Bidirection  (None, 200, 128)          49664
             al)
             lstm (LSTM)                 (None, 200, 16)           9280
             lstm_1 (LSTM)               (None, 16)                2112
             global_max_pooling1d (Glob  (None, 16)                0
             alMaxPooling1D)
             batch_normalization (Batch  (None, 16)                64
             Normalization)
             dense (Dense)               (None,)                   17
            =================================================================
            Total params: 67,537
            Trainable params: 67,505
            Non-trainable params: 32
            _________________________________________________________________
            """.ReplaceLineEndings("\n"), Text(summary));
    }

    [Theory]
    [InlineData("LSTM", "lstm")]
    [InlineData("GRU", "gru")]
    [InlineData("Dense", "dense")]
    [InlineData("Bidirectional", "bidirectional")]
    [InlineData("GlobalMaxPooling1D", "global_max_pooling1d")]
    [InlineData("BatchNormalization", "batch_normalization")]
    [InlineData("SimpleRNN", "simple_rnn")]
    public void Layer_names_are_Keras_snake_case(string type, string name) => Assert.Equal(name, KerasLayerNames.ToSnakeCase(type));

    [Fact]
    public void A_layer_cannot_have_more_non_trainable_parameters_than_parameters() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LayerSummary("dense", "Dense", [null, 1], 5, NonTrainableParameters: 6));
}
