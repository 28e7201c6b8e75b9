using Lstm.Training.Text;

namespace Lstm.Training.Tests.Text;

/// <summary>The examples of Keras's <c>pad_sequences</c> documentation, plus the seed's maxlen=500 case.</summary>
public class PadSequencesTests
{
    private static readonly int[][] Sequence = [[1], [2, 3], [4, 5, 6]];

    [Fact]
    public void Default_pads_in_front_to_the_longest_sequence()
    {
        // tf.keras.preprocessing.sequence.pad_sequences(sequence) → [[0 0 1] [0 2 3] [4 5 6]]
        Assert.Equal([[0, 0, 1], [0, 2, 3], [4, 5, 6]], PadSequences.Pad(Sequence));
    }

    [Fact]
    public void Value_sets_the_padding_id()
    {
        // pad_sequences(sequence, value=-1) → [[-1 -1 1] [-1 2 3] [4 5 6]]
        Assert.Equal([[-1, -1, 1], [-1, 2, 3], [4, 5, 6]], PadSequences.Pad(Sequence, value: -1));
    }

    [Fact]
    public void Post_padding_pads_at_the_end()
    {
        // pad_sequences(sequence, padding='post') → [[1 0 0] [2 3 0] [4 5 6]]
        Assert.Equal([[1, 0, 0], [2, 3, 0], [4, 5, 6]], PadSequences.Pad(Sequence, padding: PaddingSide.Post));
    }

    [Fact]
    public void Maxlen_truncates_at_the_front_by_default()
    {
        // pad_sequences(sequence, maxlen=2) → [[0 1] [2 3] [5 6]]
        Assert.Equal([[0, 1], [2, 3], [5, 6]], PadSequences.Pad(Sequence, maxLen: 2));
    }

    [Fact]
    public void Post_truncation_keeps_the_first_ids()
    {
        // pad_sequences(sequence, maxlen=2, truncating='post') → [[0 1] [2 3] [4 5]]
        Assert.Equal([[0, 1], [2, 3], [4, 5]], PadSequences.Pad(Sequence, maxLen: 2, truncating: PaddingSide.Post));
        Assert.Equal([[1, 0], [2, 3], [4, 5]], PadSequences.Pad(Sequence, maxLen: 2, padding: PaddingSide.Post, truncating: PaddingSide.Post));
    }

    [Fact]
    public void Seed_program_keeps_the_last_500_ids()
    {
        int[] review = Enumerable.Range(1, 700).ToArray();
        int[] row = PadSequences.Pad([review, [1, 14, 22]], maxLen: 500)[0];
        Assert.Equal(Enumerable.Range(201, 500), row);
        int[] shortRow = PadSequences.Pad([review, [1, 14, 22]], maxLen: 500)[1];
        Assert.All(shortRow[..497], id => Assert.Equal(0, id));
        Assert.Equal([1, 14, 22], shortRow[497..]);
    }

    [Fact]
    public void Edge_cases_match_keras()
    {
        Assert.Empty(PadSequences.Pad(Array.Empty<int[]>()));
        Assert.Equal([[0, 0], [7, 8]], PadSequences.Pad([[], [7, 8]]));
        Assert.Equal([[], []], PadSequences.Pad([[1], [2, 3]], maxLen: 0));
        Assert.Equal([[1, 2, 3]], PadSequences.Pad([[1, 2, 3]], maxLen: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => PadSequences.Pad(Sequence, maxLen: -1));
    }

    [Fact]
    public void PadInto_fills_a_caller_row_without_allocating_a_result()
    {
        Span<int> row = stackalloc int[4];
        row.Fill(99);
        PadSequences.PadInto([5, 6], row);
        Assert.Equal([0, 0, 5, 6], row.ToArray());
        PadSequences.PadInto([1, 2, 3, 4, 5, 6], row);
        Assert.Equal([3, 4, 5, 6], row.ToArray());
        PadSequences.PadInto([5, 6], row, PaddingSide.Post, value: -1);
        Assert.Equal([5, 6, -1, -1], row.ToArray());
    }

    [Fact]
    public void Unknown_sides_and_null_sequences_are_refused()
    {
        var padding = Assert.Throws<ArgumentOutOfRangeException>(() => PadSequences.Pad(Sequence, padding: (PaddingSide)2));
        Assert.Equal("padding", padding.ParamName);
        Assert.StartsWith("Expected PaddingSide.Pre or PaddingSide.Post.", padding.Message);
        // Not silently read as 'post': the long row below would be cut at its end.
        var truncating = Assert.Throws<ArgumentOutOfRangeException>(() => PadSequences.Pad(Sequence, maxLen: 2, truncating: (PaddingSide)2));
        Assert.Equal("truncating", truncating.ParamName);

        Assert.Throws<ArgumentNullException>(() => PadSequences.Pad(null!));
        var nullRow = Assert.Throws<ArgumentException>(() => PadSequences.Pad([[1], null!]));
        Assert.StartsWith("Sequence 1 is null.", nullRow.Message);
    }
}
