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

    /// <summary>
    /// Returns the common number of steps of numeric windows of <paramref name="features"/> values per step; throws
    /// naming the first window of another length, one that is not whole steps, or the first value that is not finite.
    /// </summary>
    public static int ValidateWindows(IReadOnlyList<float[]> windows, int features, string paramName)
    {
        if (windows.Count == 0) return 0;
        int length = windows[0]?.Length ?? throw new ArgumentException("Window 0 is null.", paramName);
        if (length == 0 || length % features != 0)
            throw new ArgumentException($"Window 0 holds {length} values, not a positive number of steps of {features} features.", paramName);
        for (int i = 0; i < windows.Count; i++)
        {
            var window = windows[i] ?? throw new ArgumentException($"Window {i} is null.", paramName);
            if (window.Length != length)
                throw new ArgumentException($"Window {i} holds {window.Length} values, expected {length} ({length / features} steps of {features} features) like window 0.", paramName);
            for (int v = 0; v < window.Length; v++)
                if (!float.IsFinite(window[v]))
                    throw new ArgumentException($"Window {i}, step {v / features}, feature {v % features}: {window[v]} is not a finite number (fill or mark missing values first).", paramName);
        }
        return length / features;
    }
}
