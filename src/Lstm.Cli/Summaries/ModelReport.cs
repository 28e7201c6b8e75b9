using Lstm.Cli.Data;
using Lstm.Cli.Runs;
using Lstm.Training.Layers;
using Lstm.Training.Text;

namespace Lstm.Cli.Summaries;

/// <summary>
/// What <c>lstm summary</c> prints about a trained model: Keras's layer table (<see cref="ModelSummary"/>) and the
/// settings beside it.
/// </summary>
/// <param name="Source">Full path of what was read.</param>
/// <param name="Kind">"run folder", "checkpoint after epoch 2", "ONNX text model".</param>
/// <param name="Layers">The layer table, the embedding's sequence length being the padded length.</param>
/// <param name="Config">The network's shape and dropout rates.</param>
/// <param name="NumWords">Keras <c>num_words</c>: ids are below it.</param>
/// <param name="VocabularyWords">Words (or subword pieces) the vocabulary holds (ids 4 and up).</param>
/// <param name="Padding">Padded length and sides.</param>
/// <param name="Manifest">The run's <c>training.json</c> when <paramref name="Source"/> is a run folder, else null.</param>
internal sealed record ModelReport(string Source, string Kind, ModelSummary Layers, LstmClassifierConfig Config, int NumWords, int VocabularyWords,
    SequencePadding Padding, TrainingManifest? Manifest)
{
    /// <summary>The tokenizer: <c>"words"</c>, or a subword one such as <c>"o200k_base"</c>. Default "words".</summary>
    public string Tokenizer { get; init; } = SubwordTokenizer.Words;

    /// <summary>The version of Microsoft.ML.Tokenizers a subword vocabulary was built with; null for words.</summary>
    public string? TokenizerVersion { get; init; }

    /// <summary>Whether the vocabulary holds subword pieces rather than words.</summary>
    public bool IsSubword => Tokenizer != SubwordTokenizer.Words;

    /// <summary>Name of the text normaliser every model this lstm reads was trained with (readers refuse others).</summary>
    public static string Normalizer => TextNormalizer.Name;

    /// <summary>Its version.</summary>
    public static int NormalizerVersion => TextNormalizer.Version;

    /// <summary>
    /// The report of <paramref name="model"/>; <paramref name="manifest"/> is its run's <c>training.json</c> when it
    /// was read from a run folder (its result describes the weights of <c>model.lstm</c>, not of a checkpoint).
    /// </summary>
    public static ModelReport From(TrainedModel model, TrainingManifest? manifest) =>
        new(model.Source, model.Kind, model.Network.Summary(model.Padding.MaxLen), model.Network.Spec.FirstLayerConfig(),
            model.Vocabulary.NumWords, model.Vocabulary.Words.Count, model.Padding, manifest)
        {
            Tokenizer = model.Vocabulary.Tokenizer,
            TokenizerVersion = model.Vocabulary.IsSubword ? model.Vocabulary.TokenizerVersion : null,
        };
}
