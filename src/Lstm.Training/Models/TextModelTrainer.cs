using System.Globalization;
using Lstm.Training.Embeddings;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Training.Models;

/// <summary>
/// The one path from labelled texts to a trained <see cref="TextModel"/>, which the CLI's <c>lstm train</c> and ML.NET's
/// trainers both take: the vocabulary from the training texts only → encode and pad → the network for the labels' task
/// (initialised as Keras does from the seed, or from an existing model) → <see cref="Trainer.Fit"/>.
/// </summary>
public sealed class TextModelTrainer
{
    /// <summary>Trains with <paramref name="options"/> (validated here).</summary>
    public TextModelTrainer(TextModelOptions? options = null)
    {
        Options = options ?? new TextModelOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public TextModelOptions Options { get; }

    /// <summary>
    /// Builds the vocabulary (unless <paramref name="initial"/> brings one), encodes and pads the texts, and describes the network.
    /// With <paramref name="initial"/>, its vocabulary, padding sides and layers are kept and its weights are copied
    /// into the new network (Keras's "fine-tune from a saved model"); its task and outputs must match the labels.
    /// </summary>
    /// <exception cref="ArgumentException">The data is empty, labels disagree with the task, or <paramref name="initial"/> does not fit.</exception>
    public TextModelPreparation Prepare(LabelledTexts train, LabelledTexts? validation = null, TextModel? initial = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0) throw new ArgumentException("The training data has no rows.", nameof(train));
        if (validation is { Count: 0 }) throw new ArgumentException("The validation data has no rows.", nameof(validation));
        if (validation is not null && validation.Labels.Task != train.Labels.Task)
            throw new ArgumentException($"The validation labels are {validation.Labels.Task} but the training labels are {train.Labels.Task}.", nameof(validation));
        string? tokenizerNote = null;
        var vectorizer = initial is null
            ? TextVectorizer.Build(train.Texts, Options.NumWords, Options.MaxLength, TokenizerChoice.Resolve(Options.Tokenizer, train.Texts, out tokenizerNote), Options.Padding, Options.Truncating)
            : initial.Vectorizer with { MaxLength = Options.MaxLength };
        if (tokenizerNote is not null) Options.Info?.Invoke(tokenizerNote);
        var spec = initial?.Network.Spec ?? Options.NetworkFor(train.Labels);
        if (initial is not null && (spec.Task != train.Labels.Task || spec.Outputs != train.Labels.Outputs))
            throw new ArgumentException($"The model to start from is {spec.Task} with {spec.Outputs} output(s); the labels are {train.Labels.Task} with {train.Labels.Outputs}.", nameof(initial));
        spec.Validate();
        TrainingMemory.EnsureFits(spec, vectorizer.MaxLength, Math.Min(Options.Fit.BatchSize, train.Count), train.Count + (validation?.Count ?? 0L));
        var trainSet = train.Labels.ToDataset(vectorizer.Encode(train.Texts, cancellationToken), train.Weights);
        var validationSet = validation?.Labels.ToDataset(vectorizer.Encode(validation.Texts, cancellationToken), validation.Weights);
        var warnings = DataWarnings.Find(train.Labels, validationSet);
        foreach (string warning in warnings) Options.Warning?.Invoke(warning);
        return new TextModelPreparation(vectorizer, spec, trainSet, validationSet) { Warnings = warnings, TokenizerNote = tokenizerNote };
    }

    /// <summary>
    /// A new network for <paramref name="prepared"/>: Keras's initialisation from <see cref="FitOptions.Seed"/>, or
    /// <paramref name="initial"/>'s weights; without <paramref name="initial"/>, the embedding then gets
    /// <see cref="TextModelOptions.PretrainedEmbedding"/>'s vectors (word2vec learns them from the training rows only,
    /// as encoded: a validation part never feeds it).
    /// </summary>
    public SequenceNetwork CreateNetwork(TextModelPreparation prepared, TextModel? initial = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var network = new SequenceNetwork(prepared.Spec, Options.Fit.Seed);
        if (initial is not null) network.Parameters.CopyFrom(initial.Network.Parameters);
        else if (Options.PretrainedEmbedding is { } pretrained) InitializeEmbedding(network, prepared, pretrained, cancellationToken);
        return network;
    }

    private void InitializeEmbedding(SequenceNetwork network, TextModelPreparation prepared, PretrainedEmbedding pretrained, CancellationToken ct)
    {
        var spec = network.Spec;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        EmbeddingCoverage coverage;
        if (pretrained.Word2Vec is { } w)
        {
            // One thread unless asked: more threads update shared vectors without locks, and a seed would no longer reproduce the run.
            var options = w with { Dimensions = spec.EmbeddingDim, Threads = w.Threads ?? 1 };
            Options.Info?.Invoke($"Pretraining the embedding: {pretrained.Describe()}, {spec.EmbeddingDim} dimensions, on {prepared.Train.Count:N0} training rows");
            // Padding, start and out-of-vocabulary ids are dropped by Word2Vec itself, so the padded rows serve as they are.
            IReadOnlyList<int[]> sequences = prepared.Train.Sequences;
            if (pretrained.UnlabelledTexts is { Count: > 0 } unlabelled)
            {
                var vocabulary = prepared.Vectorizer.Vocabulary;
                var extra = new int[unlabelled.Count][];
                Parallel.For(0, unlabelled.Count, new ParallelOptions { CancellationToken = ct }, i => extra[i] = vocabulary.Encode(unlabelled[i]));
                sequences = [.. prepared.Train.Sequences, .. extra];
            }
            var vectors = Word2Vec.Train(sequences, spec.VocabularySize, options, ct);
            // Ids above the vocabulary's last word (a subword vocabulary smaller than NumWords) are not words to cover.
            coverage = EmbeddingInitializer.CopyInto(network.Parameters.Embedding, spec.EmbeddingDim, vectors, pretrained.TargetStd)
                with
            { VocabularyWords = prepared.Vectorizer.Vocabulary.Words.Count };
        }
        else
        {
            if (prepared.Vectorizer.Vocabulary.IsSubword)
                throw new ArgumentException($"Word vectors ({pretrained.Describe()}) are for words, but this model's vocabulary is {prepared.Vectorizer.Tokenizer} subword pieces; "
                    + "use the tokenizer 'words' (CLI: --tokenizer words), or learn vectors of the pieces with word2vec (CLI: --pretrain-embedding).");
            coverage = EmbeddingInitializer.CopyInto(network.Parameters.Embedding, spec.EmbeddingDim, prepared.Vectorizer.Vocabulary, pretrained.Vectors!,
                pretrained.TargetStd, prepared.Train.Sequences);
        }
        Options.Info?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"Embedding initialised from {pretrained.Describe()}: {coverage.WordsFound:N0} of {coverage.VocabularyWords:N0} vocabulary words have a vector ({coverage.WordShare:P1}{(coverage.TokenShare is { } t ? $", {t:P1} of the training tokens" : "")}) in {clock.Elapsed.TotalSeconds:0.0}s"));
        if (coverage.WordShare < 0.5)
            Options.Warning?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"Only {coverage.WordShare:P1} of the vocabulary's words have a pretrained vector ({pretrained.Describe()}); the rest keep their random initialisation."));
    }

    /// <summary><see cref="Prepare"/>, <see cref="CreateNetwork"/>, then <see cref="Trainer.Fit"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public TextModel Fit(LabelledTexts train, LabelledTexts? validation = null, TextModel? initial = null, CancellationToken cancellationToken = default)
    {
        var prepared = Prepare(train, validation, initial, cancellationToken);
        var network = CreateNetwork(prepared, initial, cancellationToken);
        var history = new Trainer(network, Options.Fit).Fit(prepared.Train, prepared.Validation, cancellationToken);
        return new TextModel(prepared.Vectorizer, network, history);
    }
}

/// <summary>What <see cref="TextModelTrainer.Prepare"/> gives: the vectorizer, the network's spec and the encoded data.</summary>
/// <param name="Vectorizer">Vocabulary and padding.</param>
/// <param name="Spec">The network to train.</param>
/// <param name="Train">Encoded training data.</param>
/// <param name="Validation">Encoded validation data, if any.</param>
public sealed record TextModelPreparation(TextVectorizer Vectorizer, NetworkSpec Spec, SequenceDataset Train, SequenceDataset? Validation)
{
    /// <summary>What looks wrong with the data, for the user to see (see <see cref="TextModelOptions.Warning"/>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>When <see cref="TokenizerKind.Auto"/> chose subword pieces: the message saying so (also sent to <see cref="TextModelOptions.Info"/>); else null.</summary>
    public string? TokenizerNote { get; init; }
}
