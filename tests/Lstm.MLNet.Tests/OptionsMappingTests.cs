using Lstm.Training.Models;
using Microsoft.ML;

namespace Lstm.MLNet.Tests;

/// <summary>The ML.NET options map onto Lstm.Training's TextModelOptions, which holds the defaults and the checks once.</summary>
public sealed class OptionsMappingTests
{
    [Fact]
    public void EveryTrainersDefaults_AreTextModelOptionsDefaults()
    {
        var core = new TextModelOptions();
        LstmTrainerOptionsBase[] all = [new LstmTrainer.Options(), new LstmMulticlassTrainer.Options(), new LstmRegressionTrainer.Options()];
        foreach (var options in all)
        {
            var mapped = options.ToTextModelOptions(classWeight: null, progress: null);
            Assert.Equal(core.Network, mapped.Network);
            Assert.Equal((core.NumWords, core.MaxLength, core.Padding, core.Truncating), (mapped.NumWords, mapped.MaxLength, mapped.Padding, mapped.Truncating));
            Assert.Equal((core.Fit.Epochs, core.Fit.BatchSize, core.Fit.LearningRate, core.Fit.Seed, core.Fit.MaxDegreeOfParallelism),
                (mapped.Fit.Epochs, mapped.Fit.BatchSize, mapped.Fit.LearningRate, mapped.Fit.Seed, mapped.Fit.MaxDegreeOfParallelism));
            Assert.Null(mapped.Fit.EarlyStopping);
            Assert.Null(mapped.Fit.ClassWeight);
        }
    }

    [Fact]
    public void TheArchitectureOptions_BecomeTheNetworkSpec()
    {
        var options = new LstmRegressionTrainer.Options
        {
            EmbeddingDim = 16,
            MaskZero = true,
            RecurrentKind = RecurrentKind.Gru,
            Layers = 2,
            Units = 12,
            Dropout = 0.1f,
            RecurrentDropout = 0,
            Bidirectional = true,
            Pooling = PoolingKind.Max,
            Seed = 7,
            NumberOfThreads = 1,
        };
        var mapped = options.ToTextModelOptions(null, null);
        var layer = new RecurrentLayerSpec { Kind = RecurrentKind.Gru, Units = 12, Dropout = 0.1f, RecurrentDropout = 0, Bidirectional = true };
        Assert.Equal(new NetworkSpec { EmbeddingDim = 16, MaskZero = true, Recurrent = [layer, layer], Pooling = PoolingKind.Max }, mapped.Network);
        Assert.Equal(TaskKind.Regression, mapped.Task);
        Assert.Equal(7ul, mapped.Fit.Seed);
        Assert.Equal(1, mapped.Fit.MaxDegreeOfParallelism);
    }

    [Fact]
    public void SharedSettings_AreCheckedByTheCore_UnderTheMLNetNames()
    {
        var trainers = new MLContext().MulticlassClassification.Trainers;
        Assert.Equal("Units", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmMulticlassTrainer.Options { Units = 0 })).ParamName);
        Assert.Equal("EmbeddingDim", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmMulticlassTrainer.Options { EmbeddingDim = 0 })).ParamName);
        Assert.Equal("Epochs", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmMulticlassTrainer.Options { Epochs = 0 })).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmMulticlassTrainer.Options { LearningRate = float.PositiveInfinity })).ParamName);
        Assert.Equal("MaxLength", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmMulticlassTrainer.Options { MaxLength = 0 })).ParamName);
        Assert.Equal("Pooling", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmMulticlassTrainer.Options { Pooling = (PoolingKind)9 })).ParamName);
        Assert.Equal("Layers", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmMulticlassTrainer.Options { Layers = 0 })).ParamName);
        Assert.Contains("At most 16 recurrent layers", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmMulticlassTrainer.Options { Layers = 17 })).Message);
        Assert.Equal("NumberOfThreads", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmMulticlassTrainer.Options { NumberOfThreads = 0 })).ParamName);
        Assert.Equal("ClassWeight", Assert.Throws<ArgumentOutOfRangeException>(() => new MLContext().BinaryClassification.Trainers.Lstm(
            new LstmTrainer.Options { ClassWeight = new Dictionary<bool, float> { [true] = float.NaN } })).ParamName);
    }
}
