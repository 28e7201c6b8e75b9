namespace Lstm.Training.Embeddings;

/// <summary>Where <see cref="Word2Vec.Train"/> has got to.</summary>
/// <param name="Epoch">The epoch being trained, 1-based (with several threads, the epoch of the overall word count).</param>
/// <param name="Epochs">The number of epochs.</param>
/// <param name="WordsProcessed">Words read so far over all epochs and threads, before subsampling.</param>
/// <param name="TotalWords">Words that will be read in all: trainable words per epoch × epochs.</param>
/// <param name="LearningRate">The current learning rate.</param>
/// <param name="WordsPerSecond">Words read per second since training started.</param>
public sealed record Word2VecProgress(int Epoch, int Epochs, long WordsProcessed, long TotalWords, float LearningRate, double WordsPerSecond);
