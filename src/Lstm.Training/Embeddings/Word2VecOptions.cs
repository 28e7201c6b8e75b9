using Lstm.Training.Models;

namespace Lstm.Training.Embeddings;

/// <summary>Settings of <see cref="Word2Vec.Train"/>: skip-gram with negative sampling, as the original word2vec C code trains it.</summary>
public sealed record Word2VecOptions
{
    /// <summary>Length of each word vector (word2vec <c>-size</c>). Default 128; 1 to <see cref="NetworkSpec.MaxEmbeddingDim"/>.</summary>
    public int Dimensions { get; init; } = 128;

    /// <summary>
    /// Largest distance between a word and a context word (<c>-window</c>). Each centre word draws its own window size
    /// uniformly from 1 to this value, so near words count more. Default 5.
    /// </summary>
    public int Window { get; init; } = 5;

    /// <summary>Negative samples per (word, context) pair, drawn from the unigram distribution raised to 0.75 (<c>-negative</c>). Default 5; at least 1.</summary>
    public int NegativeSamples { get; init; } = 5;

    /// <summary>Passes over the sequences (<c>-iter</c>). Default 5.</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Starting learning rate (<c>-alpha</c>); it falls linearly to 0.0001 × this value by the end. Default 0.025.</summary>
    public float LearningRate { get; init; } = 0.025f;

    /// <summary>
    /// Frequent-word subsampling threshold t (<c>-sample</c>): a word of corpus share f is kept with probability
    /// (√(f/t) + 1)·t/f. Default 1e-3; 0 turns subsampling off.
    /// </summary>
    public double SubsampleThreshold { get; init; } = 1e-3;

    /// <summary>Words seen fewer times than this get no vector and are dropped from the sequences (<c>-min-count</c>). Default 1.</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Seed of the initial vectors, the window sizes, subsampling and negative samples.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>
    /// Worker threads (<c>-threads</c>); null = <see cref="Environment.ProcessorCount"/>. With 1 thread a seed gives the
    /// same vectors bit for bit; with more, threads update shared vectors without locks (Hogwild), so results vary from run to run.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>Receives progress a few times per epoch and once at the end; may be null. Called from worker threads.</summary>
    public IProgress<Word2VecProgress>? Progress { get; init; }

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it and its allowed range.</exception>
    public void Validate()
    {
        if (Dimensions is < 1 or > NetworkSpec.MaxEmbeddingDim)
            throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions, $"Dimensions must be in [1, {NetworkSpec.MaxEmbeddingDim}].");
        if (Window < 1) throw new ArgumentOutOfRangeException(nameof(Window), Window, "Window must be at least 1.");
        if (NegativeSamples < 1) throw new ArgumentOutOfRangeException(nameof(NegativeSamples), NegativeSamples, "NegativeSamples must be at least 1.");
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (!float.IsFinite(LearningRate) || LearningRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be a positive finite number.");
        if (!double.IsFinite(SubsampleThreshold) || SubsampleThreshold < 0)
            throw new ArgumentOutOfRangeException(nameof(SubsampleThreshold), SubsampleThreshold, "SubsampleThreshold must be 0 (off) or a positive finite number.");
        if (MinCount < 1) throw new ArgumentOutOfRangeException(nameof(MinCount), MinCount, "MinCount must be at least 1.");
        if (Threads is < 1) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be at least 1 (or null for one per processor).");
    }
}
