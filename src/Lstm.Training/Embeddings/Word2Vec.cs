using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Lstm.Training.Embeddings;

/// <summary>
/// Word vectors learned from token id sequences by skip-gram with negative sampling (Mikolov et al., 2013), trained
/// the way the original word2vec C code does it: unigram^0.75 negative table, frequent-word subsampling, a random
/// window size per word, learning rate falling linearly to 0.0001 × its start, and Hogwild threads over contiguous
/// shards of the sequences.
/// </summary>
public static class Word2Vec
{
    /// <summary>The first id of a real word: ids 0 (padding), 1 (start), 2 (out of vocabulary) and 3 (reserved) are skipped.</summary>
    public const int FirstWordId = 4;

    /// <summary>Like the C code's <c>MAX_SENTENCE_LENGTH</c>: longer sequences are trained in pieces of this many kept words, and windows stop at a piece's end.</summary>
    internal const int MaxSentenceLength = 1000;

    /// <summary>
    /// Trains word vectors on <paramref name="sequences"/>. Ids below <see cref="FirstWordId"/>, and words seen fewer
    /// than <see cref="Word2VecOptions.MinCount"/> times, are dropped before windows are taken (as word2vec drops words
    /// outside its vocabulary); each sequence is a sentence, and windows never cross from one to the next.
    /// </summary>
    /// <param name="sequences">Token ids per text, e.g. <c>Vocabulary.Encode(text)</c> for each training text, not padded.</param>
    /// <param name="vocabularySize">Ids are below this number (<c>Vocabulary.NumWords</c>); it is the number of rows of the result.</param>
    /// <param name="options">The settings; see <see cref="Word2VecOptions"/>.</param>
    /// <param name="ct">Cancels training (checked between sentences).</param>
    /// <returns>
    /// One row per id. With <see cref="Word2VecOptions.Threads"/> = 1 the result is bit-for-bit the same for the same
    /// seed and input; with more threads it is not (threads update shared rows without locks).
    /// </returns>
    /// <exception cref="ArgumentException">An id is out of range (the message names the sequence and position), a sequence is null, or no word is trainable.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option or <paramref name="vocabularySize"/> is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static WordVectors Train(IReadOnlyList<int[]> sequences, int vocabularySize, Word2VecOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (vocabularySize <= FirstWordId)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, $"vocabularySize must be above {FirstWordId}: ids 0-3 are reserved, words start at id 4.");
        long dimTimesVocab = (long)vocabularySize * options.Dimensions;
        if (dimTimesVocab > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, $"{vocabularySize} words × {options.Dimensions} dimensions do not fit in one array.");

        long[] counts = CountWords(sequences, vocabularySize);
        bool[] trainable = new bool[vocabularySize];
        long trainWords = 0;
        for (int id = FirstWordId; id < vocabularySize; id++)
        {
            if (counts[id] > 0 && counts[id] >= options.MinCount)
            {
                trainable[id] = true;
                trainWords += counts[id];
            }
        }
        if (trainWords == 0)
            throw new ArgumentException($"No word (id ≥ {FirstWordId}) appears at least MinCount = {options.MinCount} times in the {sequences.Count} sequences: nothing to train.", nameof(sequences));

        var master = new SeededRandom(options.Seed);
        int dim = options.Dimensions;
        var input = new float[dimTimesVocab];
        var output = new float[dimTimesVocab];
        for (int id = FirstWordId; id < vocabularySize; id++)
        {
            if (!trainable[id]) continue;
            Span<float> row = input.AsSpan(id * dim, dim);
            for (int d = 0; d < dim; d++) row[d] = (master.NextSingle() - 0.5f) / dim;
        }

        var shared = new Word2VecRun(options, counts, trainable, trainWords, input, output, ct);
        int threads = Math.Max(1, Math.Min(options.Threads ?? Environment.ProcessorCount, sequences.Count));
        int[] bounds = ShardBounds(sequences, trainable, threads);
        var workers = new Word2VecWorker[threads];
        for (int t = 0; t < threads; t++)
            workers[t] = new Word2VecWorker(shared, sequences, bounds[t], bounds[t + 1], master.NextUInt64());

        if (threads == 1)
        {
            workers[0].Run();
        }
        else
        {
            ExceptionDispatchInfo? failure = null;
            var running = new Thread[threads];
            for (int t = 0; t < threads; t++)
            {
                Word2VecWorker worker = workers[t];
                running[t] = new Thread(() =>
                {
                    try { worker.Run(); }
                    catch (Exception e)
                    {
                        Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                        shared.Abort();
                    }
                })
                { IsBackground = true, Name = $"word2vec {t}" };
                running[t].Start();
            }
            foreach (Thread thread in running) thread.Join();
            failure?.Throw();
        }
        ct.ThrowIfCancellationRequested();
        shared.ReportFinal();
        return new WordVectors(vocabularySize, dim, input, counts, trainable);
    }

    private static long[] CountWords(IReadOnlyList<int[]> sequences, int vocabularySize)
    {
        var counts = new long[vocabularySize];
        for (int s = 0; s < sequences.Count; s++)
        {
            int[] sequence = sequences[s] ?? throw new ArgumentException($"Sequence {s} is null.", nameof(sequences));
            for (int p = 0; p < sequence.Length; p++)
            {
                int id = sequence[p];
                if ((uint)id >= (uint)vocabularySize)
                    throw new ArgumentException($"Sequence {s}, position {p}: id {id} is outside [0, {vocabularySize}).", nameof(sequences));
                counts[id]++;
            }
        }
        return counts;
    }

    /// <summary>Splits the sequences into <paramref name="threads"/> contiguous shards of about the same number of trainable words.</summary>
    private static int[] ShardBounds(IReadOnlyList<int[]> sequences, bool[] trainable, int threads)
    {
        var wordsBefore = new long[sequences.Count + 1];
        for (int s = 0; s < sequences.Count; s++)
        {
            long n = 0;
            foreach (int id in sequences[s]) if (trainable[id]) n++;
            wordsBefore[s + 1] = wordsBefore[s] + n;
        }
        var bounds = new int[threads + 1];
        bounds[threads] = sequences.Count;
        int next = 0;
        for (int t = 1; t < threads; t++)
        {
            long target = wordsBefore[^1] * t / threads;
            while (next < sequences.Count && wordsBefore[next] < target) next++;
            bounds[t] = next;
        }
        return bounds;
    }
}

/// <summary>What the threads of one <see cref="Word2Vec.Train"/> call share: settings, counts, matrices and the word count that drives the learning rate.</summary>
internal sealed class Word2VecRun
{
    private const int ReportsPerEpoch = 4;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _reportEvery;
    private long _wordsProcessed;
    private long _nextReport;
    private volatile bool _aborted;

    public Word2VecRun(Word2VecOptions options, long[] counts, bool[] trainable, long trainWords, float[] input, float[] output, CancellationToken ct)
    {
        Options = options;
        Trainable = trainable;
        TrainWords = trainWords;
        Input = input;
        Output = output;
        Cancellation = ct;
        Table = new NegativeSamplingTable(counts, options.MinCount);
        KeepProbability = new float[counts.Length];
        double threshold = options.SubsampleThreshold * trainWords;
        for (int id = 0; id < counts.Length; id++)
        {
            if (!trainable[id]) continue;
            // word2vec: ran = (sqrt(cn / (sample * train_words)) + 1) * (sample * train_words) / cn; keep when ran ≥ uniform.
            KeepProbability[id] = threshold > 0 ? (float)Math.Min(1.0, (Math.Sqrt(counts[id] / threshold) + 1) * threshold / counts[id]) : 1f;
        }
        _reportEvery = Math.Max(1, trainWords / ReportsPerEpoch);
        _nextReport = _reportEvery;
    }

    public Word2VecOptions Options { get; }
    public bool[] Trainable { get; }
    public long TrainWords { get; }
    public float[] Input { get; }
    public float[] Output { get; }
    public NegativeSamplingTable Table { get; }
    public float[] KeepProbability { get; }
    public CancellationToken Cancellation { get; }
    public bool Aborted => _aborted;

    public void Abort() => _aborted = true;

    /// <summary>The learning rate after <paramref name="wordsProcessed"/> words, as word2vec computes it.</summary>
    public float LearningRate(long wordsProcessed)
    {
        float start = Options.LearningRate;
        float alpha = (float)(start * (1 - wordsProcessed / (double)(Options.Epochs * TrainWords + 1)));
        return Math.Max(alpha, start * 0.0001f);
    }

    /// <summary>Adds words read by a thread; returns the new total, and reports progress when it crosses a reporting point.</summary>
    public long AddWords(long words)
    {
        long total = Interlocked.Add(ref _wordsProcessed, words);
        long next = Volatile.Read(ref _nextReport);
        if (Options.Progress is not null && total >= next && total < Options.Epochs * TrainWords &&
            Interlocked.CompareExchange(ref _nextReport, (total / _reportEvery + 1) * _reportEvery, next) == next)
        {
            Report(total);
        }
        return total;
    }

    public void ReportFinal() => Report(Interlocked.Read(ref _wordsProcessed));

    private void Report(long total)
    {
        if (Options.Progress is null) return;
        int epoch = (int)Math.Min(Options.Epochs, total / TrainWords + 1);
        double seconds = _clock.Elapsed.TotalSeconds;
        Options.Progress.Report(new Word2VecProgress(epoch, Options.Epochs, total, Options.Epochs * TrainWords, LearningRate(total),
            seconds > 0 ? total / seconds : 0));
    }
}
