using System.Globalization;
using Lstm.Training.Embeddings;

namespace Lstm.Training.Models;

/// <summary>
/// Where the embedding's starting vectors come from before the network is trained (and fine-tuned with it): word2vec
/// skip-gram learned on the training texts (<see cref="Word2Vec"/>), or a user's vectors (<see cref="Vectors"/>, e.g.
/// from <see cref="WordVectorsFile.Read(string, int?, CancellationToken)"/>). Rows of words without a vector keep
/// Keras's random initialisation. Exactly one source is set.
/// </summary>
public sealed record PretrainedEmbedding
{
    /// <summary>
    /// Learn vectors from the training rows (as encoded: cut to the max length, padding and out-of-vocabulary ids
    /// dropped) with these settings. Its <see cref="Word2VecOptions.Dimensions"/> is set to the embedding's width; its
    /// <see cref="Word2VecOptions.Seed"/> is used as given (the CLI and ML.NET pass the run's seed); its
    /// <see cref="Word2VecOptions.Threads"/>, when null, is 1, so that a seed reproduces the run (more threads are faster
    /// but not bit-reproducible). Null: use <see cref="Vectors"/>.
    /// </summary>
    public Word2VecOptions? Word2Vec { get; init; }

    /// <summary>
    /// Unlabelled texts word2vec learns from besides the training texts (Dai &amp; Le's "unlabelled data from the same
    /// domain", e.g. IMDB's 50,000 unlabelled reviews), encoded with the training texts' vocabulary. Never put test texts
    /// here. Null or empty: the training texts only.
    /// </summary>
    public IReadOnlyList<string>? UnlabelledTexts { get; init; }

    /// <summary>A user's vectors, one per word, of the embedding's width. Null: learn them (<see cref="Word2Vec"/>).</summary>
    public PretrainedVectors? Vectors { get; init; }

    /// <summary>Where <see cref="Vectors"/> came from, for messages (e.g. the file name). Optional.</summary>
    public string? VectorsSource { get; init; }

    /// <summary>
    /// Rescale the copied vectors so that their standard deviation is this (see <see cref="EmbeddingInitializer"/>);
    /// null copies them as they are (the default, as Keras users copy a GloVe matrix into <c>Embedding(weights=…)</c>).
    /// </summary>
    public float? TargetStd { get; init; }

    /// <summary>Learn word2vec vectors from the training texts with its default settings (skip-gram, window 5, 5 negatives, 5 epochs).</summary>
    public static PretrainedEmbedding FromTrainingTexts(int epochs = 5) => new() { Word2Vec = new Word2VecOptions { Epochs = epochs } };

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem: no source or two, vectors of another width, a bad setting.</summary>
    public void Validate(int embeddingDim)
    {
        if ((Word2Vec is null) == (Vectors is null))
            throw new ArgumentException("A pretrained embedding needs exactly one source: Word2Vec (learn from the training texts) or Vectors (your own).");
        if (Word2Vec is { } w) (w with { Dimensions = embeddingDim }).Validate();
        if (UnlabelledTexts is { Count: > 0 } && Word2Vec is null)
            throw new ArgumentException("UnlabelledTexts feed word2vec; they need Word2Vec set, not Vectors.");
        if (Vectors is { } v && v.Dimensions != embeddingDim)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The word vectors{(VectorsSource is null ? "" : $" of {VectorsSource}")} have {v.Dimensions} dimensions but the embedding has {embeddingDim}; set the embedding width to {v.Dimensions}."));
        if (TargetStd is { } std && !(std > 0 && float.IsFinite(std)))
            throw new ArgumentOutOfRangeException(nameof(TargetStd), std, "TargetStd must be a positive finite number, or null.");
    }

    /// <summary>A one-line description for logs and run manifests.</summary>
    public string Describe() => Word2Vec is { } w
        ? string.Create(CultureInfo.InvariantCulture, $"word2vec skip-gram on the training texts{(UnlabelledTexts is { Count: > 0 } u ? $" and {u.Count:N0} unlabelled texts" : "")} (window {w.Window}, {w.NegativeSamples} negatives, {w.Epochs} epochs, subsampling {w.SubsampleThreshold:g3}, {w.Threads ?? 1} thread{((w.Threads ?? 1) == 1 ? "" : "s")})")
        : $"word vectors of {VectorsSource ?? "the given file"}";
}
