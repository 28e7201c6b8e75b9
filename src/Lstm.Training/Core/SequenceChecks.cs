namespace Lstm.Training;

/// <summary>Checks padded id sequences before they reach the kernels, so bad input fails with a message, not a crash.</summary>
internal static class SequenceChecks
{
    /// <summary>Returns the common length; throws naming the first sequence of another length or the first id out of range.</summary>
    public static int Validate(IReadOnlyList<int[]> sequences, int vocabularySize, string paramName)
    {
        if (sequences.Count == 0) return 0;
        int steps = sequences[0]?.Length ?? throw new ArgumentException("Sequence 0 is null.", paramName);
        if (steps == 0) throw new ArgumentException("Sequences are empty: pad them to a positive length first (PadSequences).", paramName);
        for (int i = 0; i < sequences.Count; i++)
        {
            var seq = sequences[i] ?? throw new ArgumentException($"Sequence {i} is null.", paramName);
            if (seq.Length != steps)
                throw new ArgumentException($"Sequence {i} has length {seq.Length}, expected {steps} like sequence 0: pad all sequences to one length (PadSequences).", paramName);
            for (int t = 0; t < seq.Length; t++)
                if ((uint)seq[t] >= (uint)vocabularySize)
                    throw new ArgumentOutOfRangeException(paramName, seq[t], $"Sequence {i}, position {t}: id {seq[t]} is outside [0, {vocabularySize}) of the embedding.");
        }
        return steps;
    }
}
