namespace Lstm.Training.Embeddings;

/// <summary>One thread of <see cref="Word2Vec.Train"/>: trains on its contiguous shard of the sequences for every epoch, as word2vec's <c>TrainModelThread</c>.</summary>
internal sealed class Word2VecWorker(Word2VecRun run, IReadOnlyList<int[]> sequences, int start, int end, ulong seed)
{
    private readonly SeededRandom _random = new(seed);
    private readonly int[] _sentence = new int[Word2Vec.MaxSentenceLength];
    private readonly int[] _negatives = new int[run.Options.NegativeSamples];
    private readonly float[] _scratch = new float[run.Options.Dimensions];
    private float _alpha = run.LearningRate(0);

    public void Run()
    {
        for (int epoch = 0; epoch < run.Options.Epochs; epoch++)
        {
            for (int s = start; s < end; s++)
            {
                run.Cancellation.ThrowIfCancellationRequested();
                if (run.Aborted) return;
                TrainSequence(sequences[s]);
            }
        }
    }

    private void TrainSequence(int[] sequence)
    {
        bool[] trainable = run.Trainable;
        float[] keep = run.KeepProbability;
        bool subsample = run.Options.SubsampleThreshold > 0;
        int length = 0;
        long read = 0;
        foreach (int id in sequence)
        {
            if (!trainable[id]) continue;
            read++;
            if (subsample && keep[id] < 1f && keep[id] < _random.NextSingle()) continue;
            _sentence[length++] = id;
            if (length == _sentence.Length)
            {
                TrainSentence(length);
                _alpha = run.LearningRate(run.AddWords(read));
                length = 0;
                read = 0;
            }
        }
        if (length > 0) TrainSentence(length);
        if (read > 0) _alpha = run.LearningRate(run.AddWords(read));
    }

    private void TrainSentence(int length)
    {
        int window = run.Options.Window;
        int dim = run.Options.Dimensions;
        float[] input = run.Input;
        Span<float> output = run.Output;
        NegativeSamplingTable table = run.Table;
        for (int position = 0; position < length; position++)
        {
            int word = _sentence[position];
            // A random reduction b in [0, window): the effective window is window - b, 1..window words each side.
            int reduced = (int)(((_random.NextUInt64() >> 32) * (ulong)window) >> 32);
            int span = window - reduced;
            int from = Math.Max(0, position - span);
            int to = Math.Min(length - 1, position + span);
            for (int c = from; c <= to; c++)
            {
                if (c == position) continue;
                int negatives = 0;
                for (int k = 0; k < _negatives.Length; k++)
                {
                    int target = table.Sample(_random.NextUInt64());
                    if (target != word) _negatives[negatives++] = target;
                }
                SkipGramUpdate.Apply(input.AsSpan(_sentence[c] * dim, dim), output, word, _negatives.AsSpan(0, negatives), _alpha, _scratch);
            }
        }
    }
}
