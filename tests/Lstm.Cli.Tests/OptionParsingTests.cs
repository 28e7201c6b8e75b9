using Lstm.Cli.Commands;
using Lstm.Training.Layers;
using Lstm.Training.Training;

namespace Lstm.Cli.Tests;

public class OptionParsingTests
{
    private static TrainCommand NewTrainCommand() => new(new CommandEnvironment { Output = TextWriter.Null, Error = TextWriter.Null });

    [Fact]
    public void TrainDefaultsAreTheSeedProgramsHyperparameters()
    {
        var command = NewTrainCommand();
        var parse = command.Command.Parse([]);
        Assert.Empty(parse.Errors);
        var settings = command.ReadSettings(parse);

        // imdb.load_data(num_words=10000); pad_sequences(maxlen=500); Embedding(10000, 128);
        // LSTM(128, dropout=0.2, recurrent_dropout=0.2); fit(batch_size=32, epochs=10); Adam(lr=0.001).
        Assert.Equal(10_000, settings.NumWords);
        Assert.Equal(500, settings.MaxLen);
        Assert.Equal(128, settings.EmbeddingDim);
        Assert.Equal(128, settings.Units);
        Assert.Equal(0.2f, settings.Dropout);
        Assert.Equal(0.2f, settings.RecurrentDropout);
        Assert.Equal(32, settings.BatchSize);
        Assert.Equal(10, settings.Epochs);
        Assert.Equal(1e-3f, settings.LearningRate);
        Assert.Equal(42UL, settings.Seed);
        Assert.Null(settings.Limit);
        Assert.Null(settings.ValidationLimit);
        Assert.Null(settings.ClipNorm);
        Assert.Null(settings.Threads);
        Assert.Null(settings.DataPath);
        Assert.Null(settings.OutDirectory);
        Assert.Equal(0, settings.EarlyStoppingPatience);
        Assert.Equal(0.2, settings.ValidationSplit);

        // ...and they agree with the library's own defaults.
        Assert.Equal(new LstmClassifierConfig(), settings.ModelConfig);
        var fit = settings.FitOptions;
        var library = new FitOptions();
        Assert.Equal((library.Epochs, library.BatchSize, library.LearningRate, library.Seed, library.ClipNorm, library.EarlyStopping),
            (fit.Epochs, fit.BatchSize, fit.LearningRate, fit.Seed, fit.ClipNorm, fit.EarlyStopping));
    }

    [Fact]
    public void TrainOptionsAreRead()
    {
        var command = NewTrainCommand();
        var parse = command.Command.Parse(["--epochs", "3", "--dropout", "0.5", "--limit", "300", "--early-stopping-patience", "2",
            "--clip-norm", "1.5", "--seed", "7", "--threads", "1", "--out", "x", "--reduce-lr-patience", "1", "--reduce-lr-factor", "0.3"]);
        Assert.Empty(parse.Errors);
        var settings = command.ReadSettings(parse);
        Assert.Equal(3, settings.Epochs);
        Assert.Equal(0.5f, settings.Dropout);
        Assert.Equal(300, settings.Limit);
        Assert.Equal(7UL, settings.Seed);
        Assert.Equal(1, settings.Threads);
        Assert.Equal("x", settings.OutDirectory);
        Assert.Equal(new EarlyStopping("val_loss", 2), settings.FitOptions.EarlyStopping);
        Assert.Equal(1.5f, settings.FitOptions.ClipNorm);
        Assert.Equal(new ReduceLearningRateOnPlateau("val_loss", 0.3f, 1), settings.FitOptions.ReduceLearningRateOnPlateau);
        Assert.Equal(new HashSet<string> { "--epochs", "--dropout", "--limit", "--early-stopping-patience", "--clip-norm", "--seed", "--threads", "--out",
            "--reduce-lr-patience", "--reduce-lr-factor" },
            command.ExplicitOptions(parse));
    }

    [Theory]
    [InlineData("--epochs", "0", "--epochs must be at least 1, got 0.")]
    [InlineData("--dropout", "1.5", "--dropout must be in [0, 1), got 1.5.")]
    [InlineData("--recurrent-dropout", "-0.1", "--recurrent-dropout must be in [0, 1), got -0.1.")]
    [InlineData("--batch-size", "0", "--batch-size must be from 1 to 1,048,576, got 0.")]
    [InlineData("--batch-size", "2147483647", "--batch-size must be from 1 to 1,048,576, got 2147483647.")]
    [InlineData("--max-len", "0", "--max-len must be from 1 to 100,000, got 0.")]
    [InlineData("--max-len", "100000000", "--max-len must be from 1 to 100,000, got 100000000.")]
    [InlineData("--units", "-3", "--units must be from 1 to 8,192, got -3.")]
    [InlineData("--units", "100000", "--units must be from 1 to 8,192, got 100000.")]
    [InlineData("--embedding-dim", "2147483647", "--embedding-dim must be from 1 to 8,192, got 2147483647.")]
    [InlineData("--num-words", "3", "--num-words must be from 4 to 10,000,000, got 3.")]
    [InlineData("--num-words", "2147483647", "--num-words must be from 4 to 10,000,000, got 2147483647.")]
    [InlineData("--layers", "17", "--layers must be from 1 to 16, got 17.")]
    [InlineData("--validation-split", "1", "--validation-split must be in [0, 1), got 1.")]
    [InlineData("--clip-norm", "0", "--clip-norm must be a positive number, got 0.")]
    [InlineData("--learning-rate", "-1", "--learning-rate must be a positive number, got -1.")]
    [InlineData("--threads", "0", "--threads must be at least 1, got 0.")]
    [InlineData("--reduce-lr-factor", "1", "--reduce-lr-factor must be in (0, 1), got 1.")]
    [InlineData("--epochs", "ten", "'ten'")]
    public void ABadValueIsOneClearErrorAndANonZeroExit(string option, string value, string expected)
    {
        var outcome = LstmRunner.Run("train", option, value);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        string first = outcome.Error.Split('\n')[0];
        Assert.StartsWith("error: ", first);
        Assert.Contains(expected, first);
        Assert.Contains(option, first);
        Assert.DoesNotContain("   at ", outcome.Error); // no stack trace
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public void AnUnknownOptionIsAnError()
    {
        var outcome = LstmRunner.Run("train", "--epoch", "3");
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("--epoch", outcome.Error);
        Assert.Contains("lstm train --help", outcome.Error);
    }

    [Fact]
    public void EvaluateAndPredictNeedAModel()
    {
        Assert.Contains("--model", LstmRunner.Run("evaluate").Error);
        Assert.Equal(ExitCodes.UserError, LstmRunner.Run("predict", "text").ExitCode);
    }

    [Fact]
    public void NoArgumentsShowsHelp()
    {
        var outcome = LstmRunner.Run();
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("train", outcome.Output);
        Assert.Contains("evaluate", outcome.Output);
        Assert.Contains("predict", outcome.Output);
        Assert.Contains("export", outcome.Output);
    }

    [Fact]
    public void TheDefaultsAreTheSeedsDeclaredOnceAndTheCoresLimitsApply()
    {
        var command = NewTrainCommand();
        var settings = command.ReadSettings(command.Command.Parse([]));
        Assert.Equal(new LstmClassifierConfig(), settings.ModelConfig);
        var fit = new FitOptions();
        Assert.Equal((fit.Epochs, fit.BatchSize, fit.LearningRate, fit.Seed),
            (settings.FitOptions.Epochs, settings.FitOptions.BatchSize, settings.FitOptions.LearningRate, settings.FitOptions.Seed));
        Assert.Equal(Lstm.Training.SeedDefaults.MaxLength, settings.MaxLen);

        // The smallest vocabulary the core accepts (the 4 reserved ids) is accepted here too.
        Assert.Equal(4, command.ReadSettings(command.Command.Parse(["--num-words", "4"])).NumWords);
        new LstmClassifierConfig { VocabularySize = 4 }.Validate();
    }
}
