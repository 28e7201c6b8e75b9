using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests;

public sealed class MulticlassTrainerTests(TopicModel fixture, ITestOutputHelper output) : IClassFixture<TopicModel>
{
    [Fact]
    public void FitThenEvaluate_LearnsTheTopics()
    {
        var metrics = fixture.MLContext.MulticlassClassification.Evaluate(fixture.Model.Transform(fixture.Test));
        output.WriteLine($"micro accuracy {metrics.MicroAccuracy:F4}, macro {metrics.MacroAccuracy:F4}, log-loss {metrics.LogLoss:F4}");
        output.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());
        Assert.InRange(metrics.MicroAccuracy, 0.9, 1.0);
        Assert.InRange(metrics.LogLoss, 0, 0.5);
        Assert.Equal(3, metrics.PerClassLogLoss.Count);
        Assert.Equal(TaskKind.MulticlassClassification, fixture.Model.Task);
        Assert.Equal(TopicModel.Options().Epochs, fixture.Model.TrainingHistory!.Epochs.Count);
    }

    [Fact]
    public void TheColumns_AreMLNetsMulticlassColumns_WithTheClassNamesAsKeyValues()
    {
        var scored = fixture.Model.Transform(fixture.Test);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), scored.Schema["Score"].Type);
        Assert.Equal(new KeyDataViewType(typeof(uint), 3), scored.Schema["PredictedLabel"].Type);
        Assert.Equal(scored.Schema["Label"].Type, scored.Schema["PredictedLabel"].Type);
        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        scored.Schema["PredictedLabel"].GetKeyValues(ref keyValues);
        Assert.Equal(SyntheticTopics.Names, keyValues.DenseValues().Select(v => v.ToString()));
        Assert.Equal(SyntheticTopics.Names, fixture.Model.ClassNames);
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        scored.Schema["Score"].GetSlotNames(ref slotNames);
        Assert.Equal(SyntheticTopics.Names, slotNames.DenseValues().Select(v => v.ToString()));

        var rows = fixture.MLContext.Data.CreateEnumerable<TopicPrediction>(scored, reuseRowObject: false).ToArray();
        var named = fixture.MLContext.Transforms.Conversion.MapKeyToValue("PredictedTopic", "PredictedLabel").Fit(scored).Transform(scored);
        var topics = named.GetColumn<string>("PredictedTopic").ToArray();
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(1f, rows[i].Score.Sum(), 1e-5f);
            int best = Array.IndexOf(rows[i].Score, rows[i].Score.Max());
            Assert.Equal((uint)best + 1, rows[i].PredictedLabel);
            Assert.Equal(SyntheticTopics.Names[best], topics[i]);
        }
        Assert.InRange(topics.Zip(fixture.TestRows).Count(p => p.First == p.Second.Topic), 81, 90);
    }

    [Fact]
    public void APredictionEngine_OverTheWholePipeline_GivesTheClassName()
    {
        var ml = fixture.MLContext;
        var pipeline = fixture.KeyMapping.Append(fixture.Model).Append(
            ml.Transforms.Conversion.MapKeyToValue("PredictedTopic", "PredictedLabel").Fit(fixture.Model.Transform(fixture.Test)));
        var expected = ml.Data.CreateEnumerable<TopicPrediction>(fixture.Model.Transform(fixture.Test), reuseRowObject: false).ToArray();
        var engine = ml.Model.CreatePredictionEngine<TopicText, NamedTopicPrediction>(pipeline, new PredictionEngineOptions { OwnsTransformer = false });
        for (int i = 0; i < fixture.TestRows.Length; i++)
        {
            var prediction = engine.Predict(fixture.TestRows[i]);
            Assert.Equal(SyntheticTopics.Names[prediction.PredictedLabel - 1], prediction.PredictedTopic);
            Assert.Equal(expected[i].PredictedLabel, prediction.PredictedLabel);
            for (int k = 0; k < 3; k++) Assert.Equal(expected[i].Score[k], prediction.Score[k], 1e-6f);
        }
    }

    [Fact]
    public void AKeyWithoutKeyValues_NamesTheClassesByIndex_AndMissingKeysAreSkipped()
    {
        var ml = new MLContext(seed: 1);
        // LoadFromEnumerable reads a [KeyType] property as the 0-based index; a value out of range is a missing key.
        var rows = SyntheticTopics.Make(60).Select((r, i) => new IndexedTopic { Text = r.Text, Label = i % 10 == 9 ? 3u : (uint)(i % 3) }).ToArray();
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) messages.Add(e.RawMessage); };
        var options = TopicModel.Options();
        options.Epochs = 1;
        options.Log = ml;
        using var model = ml.MulticlassClassification.Trainers.Lstm(options).Fit(ml.Data.LoadFromEnumerable(rows));
        Assert.Equal(["0", "1", "2"], model.ClassNames);
        Assert.Contains(messages, m => m.StartsWith("Training on 54 reviews", StringComparison.Ordinal));
        Assert.Contains(messages, m => m == "Skipped 6 rows of the training data with a missing label or an invalid weight.");
    }

    [Fact]
    public void ClassWeight_NamingAClassTheLabelDoesNotHave_IsRefusedNamingIt()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Transforms.Conversion.MapValueToKey("Label", "Topic").Fit(ml.Data.LoadFromEnumerable(SyntheticTopics.Make(12))).Transform(ml.Data.LoadFromEnumerable(SyntheticTopics.Make(12)));
        var options = TopicModel.Options();
        options.Epochs = 1;
        options.ClassWeight = new Dictionary<string, float> { ["sport"] = 2f, ["cooking"] = 3f };
        var error = Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.Lstm(options).Fit(data));
        Assert.Equal("ClassWeight", error.ParamName);
        Assert.Contains("'cooking'", error.Message);
        Assert.Contains("sport, food, music", error.Message);

        options.ClassWeight = new Dictionary<string, float> { ["sport"] = -1f };
        Assert.Equal("ClassWeight", Assert.Throws<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.Lstm(options)).ParamName);
    }

    [Fact]
    public void AValidationSetKeyedWithOtherClasses_IsRefused()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Transforms.Conversion.MapValueToKey("Label", "Topic").Fit(ml.Data.LoadFromEnumerable(SyntheticTopics.Make(12))).Transform(ml.Data.LoadFromEnumerable(SyntheticTopics.Make(12)));
        var reordered = SyntheticTopics.Make(12).Skip(1).ToArray(); // first occurrence: food, music, sport
        var validation = ml.Transforms.Conversion.MapValueToKey("Label", "Topic").Fit(ml.Data.LoadFromEnumerable(reordered)).Transform(ml.Data.LoadFromEnumerable(reordered));
        var options = TopicModel.Options();
        options.Epochs = 1;
        options.ValidationSet = validation;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.Lstm(options).Fit(train));
        Assert.Contains("validation set has the classes (food, music, sport), the training data's (sport, food, music)", error.Message);
    }

    private sealed class IndexedTopic
    {
        public string Text { get; set; } = "";

        [KeyType(3)]
        public uint Label { get; set; }
    }

    private sealed class NamedTopicPrediction
    {
        public float[] Score { get; set; } = [];

        public uint PredictedLabel { get; set; }

        public string PredictedTopic { get; set; } = "";
    }
}
