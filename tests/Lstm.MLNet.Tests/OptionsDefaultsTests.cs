using Lstm.Training;
using Lstm.Training.Layers;
using Lstm.Training.Training;

namespace Lstm.MLNet.Tests;

/// <summary>The ML.NET trainer's defaults are the core's (the seed program's), declared once in <see cref="SeedDefaults"/>.</summary>
public class OptionsDefaultsTests
{
    [Fact]
    public void The_options_default_to_the_cores_seed_settings()
    {
        var options = new LstmTrainer.Options();
        var config = new LstmClassifierConfig();
        var fit = new FitOptions();
        Assert.Equal((config.VocabularySize, config.EmbeddingDim, config.Units, config.Dropout, config.RecurrentDropout),
            (options.NumWords, options.EmbeddingDim, options.Units, options.Dropout, options.RecurrentDropout));
        Assert.Equal((fit.Epochs, fit.BatchSize, fit.LearningRate, fit.Seed), (options.Epochs, options.BatchSize, options.LearningRate, (ulong)options.Seed));
        Assert.Equal(SeedDefaults.MaxLength, options.MaxLength);
    }

    [Fact]
    public void The_smallest_vocabulary_is_the_cores()
    {
        new LstmTrainer.Options { NumWords = SeedDefaults.MinimumNumWords }.Validate();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LstmTrainer.Options { NumWords = SeedDefaults.MinimumNumWords - 1 }.Validate());
        Assert.Contains("NumWords must be at least 4", error.Message);
    }
}
