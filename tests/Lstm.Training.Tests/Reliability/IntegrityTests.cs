using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Tests.Family;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Reliability;

/// <summary>
/// Issue 11: a diverging run stops before it writes NaN weights; model files and checkpoints carry a checksum and a
/// vocabulary hash, and damaged, edited or non-finite files are refused on load with the file named.
/// </summary>
public class IntegrityTests
{
    private static (SequenceNetwork Network, SequenceDataset Data) Small(NetworkSpec spec)
    {
        var rng = new SeededRandom(3);
        var sequences = FamilyCases.Sequences(24, 8, spec.VocabularySize, rng);
        return (new SequenceNetwork(spec, seed: 1), FamilyCases.Targets(spec, sequences, rng, weighted: false));
    }

    public static TheoryData<string> Cases => new(["lstm-unmasked-last-binary", "bigru-lstm-masked-max-multiclass"]);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_huge_learning_rate_stops_training_with_the_batch_named_and_finite_weights(string name)
    {
        var (spec, _) = FamilyCases.Get(name);
        var (network, data) = Small(spec with { Recurrent = [.. spec.Recurrent.Select(r => r with { Dropout = 0, RecurrentDropout = 0 })] });
        var trainer = new Trainer(network, new FitOptions { Epochs = 20, BatchSize = 8, LearningRate = 1e38f });
        var diverged = Assert.Throws<TrainingDivergedException>(() => trainer.Fit(data, data));
        Assert.Matches(@"^Training diverged at epoch \d+, batch \d+ \((loss (NaN|∞|-∞)|a weight overflowed to infinity)\); lower the learning rate", diverged.Message);
        // Whatever the weights hold now, they are never written.
        if (network.Parameters.Tensors.Any(t => t.Any(v => !float.IsFinite(v))))
            Assert.Throws<InvalidOperationException>(() => network.Write(new MemoryStream()));
    }

    [Fact]
    public void Non_finite_weights_are_neither_saved_nor_loaded()
    {
        var (network, _) = Small(FamilyCases.Get("gru-max-multiclass").Spec);
        network.Parameters.DenseBias[1] = float.NaN;
        string path = Path.Combine(Path.GetTempPath(), $"nan-{Guid.NewGuid():N}.lstm");
        var refused = Assert.Throws<InvalidOperationException>(() => network.Save(path));
        Assert.Contains("dense/bias[1] is NaN", refused.Message);
        Assert.False(File.Exists(path));

        // A format-1 file (no checksum) with a NaN weight: refused on load, naming the file and the weight.
        var classifier = new LstmClassifier(new LstmClassifierConfig { VocabularySize = 10, EmbeddingDim = 4, Units = 3 }, seed: 1);
        classifier.Parameters.Bias[2] = float.PositiveInfinity;
        try
        {
            using (var file = File.Create(path)) classifier.WriteFormat1(file);
            Assert.Throws<InvalidOperationException>(() => classifier.Save(path + ".new"));
            var error = Assert.Throws<InvalidDataException>(() => SequenceNetwork.Load(path));
            Assert.Contains(path, error.Message);
            Assert.Contains("lstm/bias[2] is ∞", error.Message.Replace("Infinity", "∞"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(100)]
    [InlineData(-40)]
    [InlineData(-1)]
    public void A_flipped_bit_in_a_model_file_is_refused(int offset)
    {
        var (network, _) = Small(FamilyCases.Get("bilstm-masked-last-binary-dropout").Spec);
        network.VocabularyHash = "abc";
        using var stream = new MemoryStream();
        network.Write(stream);
        byte[] bytes = stream.ToArray();
        int at = offset >= 0 ? offset : bytes.Length + offset;
        bytes[at] ^= 0x10;
        var error = Assert.Throws<InvalidDataException>(() => SequenceNetwork.Read(new MemoryStream(bytes), "model.lstm"));
        Assert.StartsWith("model.lstm: ", error.Message);

        var intact = SequenceNetwork.Read(new MemoryStream(stream.ToArray()), "model.lstm");
        Assert.Equal("abc", intact.VocabularyHash);
        var truncated = Assert.Throws<InvalidDataException>(() => SequenceNetwork.Read(new MemoryStream(stream.ToArray()[..^10]), "model.lstm"));
        Assert.Contains("model.lstm", truncated.Message);
    }

    [Fact]
    public void A_flipped_bit_in_a_checkpoint_is_refused_and_an_intact_one_resumes()
    {
        var (network, data) = Small(FamilyCases.Get("rnn-masked-mean-regression").Spec);
        string path = Path.Combine(Path.GetTempPath(), $"ckpt-{Guid.NewGuid():N}.lstmckpt");
        try
        {
            new Trainer(network, new FitOptions { Epochs = 1, BatchSize = 8, CheckpointPath = path }).Fit(data);
            Assert.Single(Trainer.Resume(path).History.Epochs);
            byte[] bytes = File.ReadAllBytes(path);
            bytes[bytes.Length / 2] ^= 0x01;
            File.WriteAllBytes(path, bytes);
            var error = Assert.Throws<InvalidDataException>(() => Trainer.Resume(path));
            Assert.Contains(path, error.Message);
            Assert.Contains("checksum does not match", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_vocabulary_hash_changes_with_any_word_or_num_words()
    {
        var a = Vocabulary.FromWords(["good", "bad", "film"], numWords: 10);
        Assert.Equal(a.ContentHash, Vocabulary.FromWords(["good", "bad", "film"], numWords: 10).ContentHash);
        Assert.NotEqual(a.ContentHash, Vocabulary.FromWords(["good", "bad", "movie"], numWords: 10).ContentHash);
        Assert.NotEqual(a.ContentHash, Vocabulary.FromWords(["bad", "good", "film"], numWords: 10).ContentHash);
        Assert.NotEqual(a.ContentHash, Vocabulary.FromWords(["good", "bad", "film"], numWords: 11).ContentHash);
    }
}
