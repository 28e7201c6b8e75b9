using Lstm.Training.Layers;
using Lstm.Training.Losses;
using Lstm.Training.Onnx;
using Lstm.Training.Tests.Onnx;
using Lstm.Training.Tests.TestData;
using Lstm.Training.Text;
using Lstm.Training.Training;
using Xunit.Abstractions;

namespace Lstm.Training.Tests.Layers;

/// <summary>
/// Inference that starts each row at its first real token (from the state the padding run leaves) gives the logits of
/// running every step, bit for bit: on random networks, every length and odd widths, and on the shipped model with
/// real IMDB reviews.
/// </summary>
public class PaddingSkipTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(128, 128, 60)]
    [InlineData(8, 21, 40)]
    [InlineData(5, 3, 1)]
    public void Skipping_padding_gives_the_full_computations_logits(int embeddingDim, int units, int maxLen)
    {
        var model = TestNetworks.Create(new LstmClassifierConfig { VocabularySize = 50, EmbeddingDim = embeddingDim, Units = units }, seed: (ulong)units);
        var random = new SeededRandom(5);
        var sequences = new List<int[]>();
        for (int real = 0; real <= maxLen; real++)
            for (int copy = 0; copy < 3; copy++)
            {
                var ids = new int[maxLen];
                for (int t = maxLen - real; t < maxLen; t++) ids[t] = 1 + random.NextInt(49);
                if (real > 3 && copy == 1) ids[maxLen - real + 1] = 0; // a padding id inside the text is an ordinary step
                sequences.Add(ids);
            }
        foreach (int batchSize in new[] { 256, 7, 1 })
        {
            float[] plain = model.PredictLogits(sequences, batchSize, 2, shortcuts: false);
            float[] skipped = model.PredictLogits(sequences, batchSize, 2);
            for (int i = 0; i < plain.Length; i++)
                Assert.True(BitConverter.SingleToInt32Bits(plain[i]) == BitConverter.SingleToInt32Bits(skipped[i]),
                    $"Row {i} (batch {batchSize}): skipping padding gives {skipped[i]:R}, all steps {plain[i]:R}");
        }
    }

    [Fact]
    public void The_kept_padding_trajectory_follows_every_change_of_the_weights_it_depends_on()
    {
        var model = TestNetworks.Create(new LstmClassifierConfig { VocabularySize = 30, EmbeddingDim = 6, Units = 7 }, seed: 12);
        int[][] rows = [[0, 0, 0, 0, 0, 0, 0, 4, 9], [0, 0, 0, 2, 5, 7, 1, 3, 8], [0, 0, 0, 0, 0, 0, 0, 0, 0]];
        var p = model.Parameters;
        // Each write changes one weight the padding run reads, in place, as training and direct edits do; the next
        // prediction must see it, and the shorter then longer calls must reuse or extend the trajectory exactly.
        Action[] changes =
        [
            () => { },
            () => p.Bias[3] += 0.25f,
            () => p.Kernel[11] -= 0.5f,
            () => p.RecurrentKernel[^1] *= -1,
            () => p.Embedding[2] = 0.75f, // row 0 of the embedding: the padding id's vector
            () => p.Embedding[6 * 5] = 0.75f, // another id's row: the trajectory stays valid
        ];
        foreach (var change in changes)
        {
            change();
            foreach (var batch in new[] { rows[..1], rows, rows[2..] })
            {
                float[] plain = model.PredictLogits(batch, 256, 1, shortcuts: false);
                float[] kept = model.PredictLogits(batch);
                for (int i = 0; i < plain.Length; i++)
                    Assert.True(BitConverter.SingleToInt32Bits(plain[i]) == BitConverter.SingleToInt32Bits(kept[i]), $"row {i}: kept {kept[i]:R}, all steps {plain[i]:R}");
            }
        }
        float[] shortRow = model.PredictLogits([[0, 0, 3]]); // a shorter length after a longer one
        Assert.Equal(model.PredictLogits([[0, 0, 3]], 256, 1, shortcuts: false), shortRow);
    }

    [Fact]
    public void A_row_of_padding_only_ends_where_the_padding_run_does()
    {
        var model = TestNetworks.Create(new LstmClassifierConfig { VocabularySize = 20, EmbeddingDim = 4, Units = 5 }, seed: 9);
        int[][] rows = [new int[12], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3], new int[12]];
        float[] plain = model.PredictLogits(rows, 256, 1, shortcuts: false);
        Assert.Equal(plain, model.PredictLogits(rows));
        Assert.Equal(plain[0], plain[2]);
        Assert.NotEqual(plain[0], plain[1]);
    }

    [SkippableFact]
    public void The_shipped_model_scores_imdb_reviews_of_every_length_the_same_either_way()
    {
        var imdb = RealImdb.LoadOrSkip();
        var imported = OnnxImporter.ImportFile(RepositoryPaths.FindUpwards(Path.Combine("models", "imdb-lstm", "model.onnx"))!);
        var reviews = imdb.Subset(trainLimit: 0, testLimit: 600, seed: 4).Test.Select(r => r.Text)
            .Concat(["", "great", string.Join(' ', Enumerable.Repeat("a truly great film", 400))]).ToArray();
        var sequences = PadSequences.Pad(reviews.Select(imported.Vocabulary.Encode).ToArray(), imported.Metadata.MaxLength);
        var lengths = sequences.Select(s => s.Count(id => id != 0)).ToArray();
        Assert.Contains(lengths, n => n < 50);
        Assert.Contains(lengths, n => n == imported.Metadata.MaxLength);
        float[] plain = imported.Model.PredictLogits(sequences, 256, null, shortcuts: false);
        float[] skipped = imported.Model.PredictLogits(sequences);
        double worst = 0;
        for (int i = 0; i < plain.Length; i++)
            worst = Math.Max(worst, Math.Abs(BinaryCrossEntropy.Sigmoid(plain[i]) - BinaryCrossEntropy.Sigmoid(skipped[i])));
        output.WriteLine($"{plain.Length} reviews, {lengths.Min()}-{lengths.Max()} ids; largest probability difference {worst:E2}");
        Assert.True(worst <= 1e-6, $"Largest probability difference {worst:E2}");
        Assert.Equal(plain, skipped);
    }
}
