using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Training.Models;

/// <summary>
/// Everything that turns labelled texts into a trained <see cref="TextModel"/>, declared once for the CLI and ML.NET:
/// the vectorizer's settings, the network's layers (its vocabulary size, task and outputs come from the data) and
/// Keras's <c>fit</c> settings. Every default is the seed program's.
/// </summary>
public sealed record TextModelOptions
{
    /// <summary>Vocabulary size, ids below it (Keras <c>num_words</c>); also the embedding's rows. Default 10,000.</summary>
    public int NumWords { get; init; } = SeedDefaults.NumWords;

    /// <summary>Ids per text after padding or truncation, counting the start id (Keras <c>maxlen</c>). Default 500.</summary>
    public int MaxLength { get; init; } = SeedDefaults.MaxLength;

    /// <summary>Where short texts are padded (Keras <c>padding</c>). Default <see cref="PaddingSide.Pre"/>.</summary>
    public PaddingSide Padding { get; init; } = PaddingSide.Pre;

    /// <summary>Which end of a long text is cut (Keras <c>truncating</c>). Default <see cref="PaddingSide.Pre"/> (long texts keep their end).</summary>
    public PaddingSide Truncating { get; init; } = PaddingSide.Pre;

    /// <summary>
    /// The tokenizer of a new vocabulary: words, subword pieces (o200k_base through Microsoft.ML.Tokenizers), or
    /// <see cref="TokenizerKind.Auto"/>, which picks pieces when most letters of the training texts are in scripts
    /// that spaces do not split into words (Hangul, Han, Kana, Thai, ...) and says so through <see cref="Info"/>.
    /// Ignored when training starts from an existing model, whose vocabulary is kept. Default <see cref="TokenizerKind.Auto"/>.
    /// </summary>
    public TokenizerKind Tokenizer { get; init; } = TokenizerKind.Auto;

    /// <summary>
    /// The layers: embedding width, masking, recurrent layers and pooling. Its <see cref="NetworkSpec.VocabularySize"/>,
    /// <see cref="NetworkSpec.Task"/>, <see cref="NetworkSpec.Outputs"/> and <see cref="NetworkSpec.ClassNames"/> are set
    /// from <see cref="NumWords"/> and the labels. Default: the seed's.
    /// </summary>
    public NetworkSpec Network { get; init; } = NetworkSpec.Seed;

    /// <summary>The task; null infers it from the labels (see <see cref="TextLabels.FromStrings"/>). Default null.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>
    /// Starting vectors for the embedding (word2vec learned on the training texts, or a user's vectors), fine-tuned in
    /// training; null keeps Keras's random initialisation (the seed's). Ignored when training starts from a model. Default null.
    /// </summary>
    public PretrainedEmbedding? PretrainedEmbedding { get; init; }

    /// <summary>Keras's <c>compile</c>/<c>fit</c> settings: epochs, batch size, learning rate, seed, callbacks. Default: the seed's.</summary>
    public FitOptions Fit { get; init; } = new();

    /// <summary>
    /// Where warnings about the data go (one class only, a constant target, a vocabulary that covers little of the
    /// validation text); they are also in <see cref="TextModelPreparation.Warnings"/>. Default none.
    /// </summary>
    public Action<string>? Warning { get; init; }

    /// <summary>
    /// Where choices made for the user and information go (the tokenizer <see cref="TokenizerKind.Auto"/> picked, when not
    /// words; the pretrained embedding's progress and coverage). Default none.
    /// </summary>
    public Action<string>? Info { get; init; }

    /// <summary>The network of <paramref name="labels"/>' task over this vocabulary size.</summary>
    public NetworkSpec NetworkFor(TextLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Network with
        {
            VocabularySize = NumWords,
            Task = labels.Task,
            Outputs = labels.Outputs,
            ClassNames = labels.ClassNames,
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (NumWords < SeedDefaults.MinimumNumWords) throw new ArgumentOutOfRangeException(nameof(NumWords), NumWords, $"NumWords must be at least {SeedDefaults.MinimumNumWords}: ids 0-3 are reserved.");
        TextVectorizer.CheckMaxLength(MaxLength, nameof(MaxLength));
        if (!Enum.IsDefined(Padding)) throw new ArgumentOutOfRangeException(nameof(Padding), Padding, "Padding must be Pre or Post.");
        if (!Enum.IsDefined(Tokenizer)) throw new ArgumentOutOfRangeException(nameof(Tokenizer), Tokenizer, "Tokenizer must be Auto, Words or O200kBase.");
        if (!Enum.IsDefined(Truncating)) throw new ArgumentOutOfRangeException(nameof(Truncating), Truncating, "Truncating must be Pre or Post.");
        ArgumentNullException.ThrowIfNull(Network);
        ArgumentNullException.ThrowIfNull(Fit);
        (Network with { VocabularySize = NumWords, Task = TaskKind.BinaryClassification, Outputs = 1, ClassNames = null }).Validate();
        Fit.Validate();
        PretrainedEmbedding?.Validate(Network.EmbeddingDim);
        long perSlice = (long)MaxLength * NetworkBatchTrainer.SliceRows * Math.Max(Network.EmbeddingDim, Network.Recurrent.Max(r => 4L * r.Units));
        if (perSlice > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(MaxLength), MaxLength, $"MaxLength {MaxLength} with these layer sizes needs more than one array can hold per batch slice; lower MaxLength, the embedding or the units.");
    }
}
