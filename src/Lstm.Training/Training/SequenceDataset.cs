namespace Lstm.Training.Training;

/// <summary>Padded id sequences (all of one length, e.g. from <c>PadSequences</c>) and their binary labels.</summary>
/// <param name="Sequences">Padded id sequences.</param>
/// <param name="Labels">One label per sequence (true = positive).</param>
public sealed record SequenceDataset(IReadOnlyList<int[]> Sequences, IReadOnlyList<bool> Labels)
{
    /// <summary>Number of examples.</summary>
    public int Count => Sequences.Count;

    internal int Validate(int vocabularySize, string name)
    {
        if (Labels.Count != Sequences.Count)
            throw new ArgumentException($"{name}: {Sequences.Count} sequences but {Labels.Count} labels.", name);
        if (Sequences.Count == 0) throw new ArgumentException($"{name} is empty.", name);
        return SequenceChecks.Validate(Sequences, vocabularySize, name);
    }
}
