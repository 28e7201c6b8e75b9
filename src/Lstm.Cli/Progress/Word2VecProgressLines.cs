using System.Globalization;
using Lstm.Training.Embeddings;

namespace Lstm.Cli.Progress;

/// <summary>Prints word2vec's progress as lines (it reports a few times per epoch, from its worker threads).</summary>
internal sealed class Word2VecProgressLines(TextWriter output) : IProgress<Word2VecProgress>
{
    private readonly Lock _lock = new();

    /// <inheritdoc/>
    public void Report(Word2VecProgress value)
    {
        double share = value.TotalWords == 0 ? 1 : Math.Min(1, (double)value.WordsProcessed / value.TotalWords);
        string line = string.Create(CultureInfo.InvariantCulture,
            $"word2vec epoch {value.Epoch}/{value.Epochs} - {share:P0} of {value.TotalWords:N0} words - {value.WordsPerSecond:N0} words/s - learning rate {value.LearningRate:0.#####}");
        lock (_lock) output.WriteLine(line);
    }
}
