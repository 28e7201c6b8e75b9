using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Tests.Fixtures;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests;

/// <summary>
/// Issue 13: <see cref="LstmModelZip.Load(MLContext, string, out DataViewSchema, int?)"/> puts a batching
/// <see cref="LstmTransformer"/> back where <c>Model.Load</c> gives the built-in chain, inside a user's pipeline too;
/// predictions are the transformer's own, and models it does not recognise stay as <c>Model.Load</c> gives them.
/// </summary>
public sealed class LstmModelZipTests(TopicModel topics) : IClassFixture<TopicModel>
{
    private sealed class RawReview
    {
        public string Comment { get; set; } = "";

        public bool Label { get; set; }
    }

    [Fact]
    public void A_saved_pipeline_loads_with_the_transformer_in_the_chains_place_and_predicts_its_bits()
    {
        using var temp = new TempDirectory();
        var ml = new MLContext(seed: 1);
        var rows = SyntheticReviews.Make(80).Select(r => new RawReview { Comment = r.Text, Label = r.Label }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        // A user's pipeline: a step before ours that renames the text column.
        var pipeline = ml.Transforms.CopyColumns("Review", nameof(RawReview.Comment))
            .Append(ml.BinaryClassification.Trainers.Lstm(new LstmTrainer.Options { MaxLength = 24, NumWords = 60, EmbeddingDim = 8, Units = 8, Epochs = 2, Seed = 5, NumberOfThreads = 1, TextColumnName = "Review" }));
        var model = pipeline.Fit(data);
        string zip = temp.File("pipeline.zip");
        ml.Model.Save(model, data.Schema, zip);

        var expected = ml.Data.CreateEnumerable<ReviewPrediction>(model.Transform(data), reuseRowObject: false).ToArray();
        var loadContext = new MLContext();
        var loaded = LstmModelZip.Load(loadContext, zip, out var schema);
        try
        {
            var chain = Assert.IsType<TransformerChain<ITransformer>>(loaded);
            Assert.Equal(2, chain.Count());
            var transformer = Assert.IsType<LstmTransformer>(chain.Last());
            Assert.Equal("Review", transformer.TextColumnName);
            var actual = loadContext.Data.CreateEnumerable<ReviewPrediction>(loaded.Transform(loadContext.Data.LoadFromEnumerable(rows)), reuseRowObject: false).ToArray();
            Assert.Equal(expected.Select(p => BitConverter.SingleToInt32Bits(p.Probability)), actual.Select(p => BitConverter.SingleToInt32Bits(p.Probability)));
            Assert.Equal(expected.Select(p => p.PredictedLabel), actual.Select(p => p.PredictedLabel));
            Assert.Equal(data.Schema.Select(c => c.Name), schema.Select(c => c.Name));

            // The plain Model.Load of the same zip agrees within ONNX Runtime's row-at-a-time rounding.
            var plain = loadContext.Model.Load(zip, out _);
            try
            {
                var rowByRow = loadContext.Data.CreateEnumerable<ReviewPrediction>(plain.Transform(loadContext.Data.LoadFromEnumerable(rows)), reuseRowObject: false).ToArray();
                for (int i = 0; i < rows.Length; i++) Assert.Equal(expected[i].Probability, rowByRow[i].Probability, 1e-5f);
            }
            finally
            {
                (plain as IDisposable)?.Dispose();
            }

            // The loaded transformer saves again, and loads again the same way.
            string again = temp.File("again.zip");
            loadContext.Model.Save(loaded, schema, again);
            var reloaded = LstmModelZip.Load(new MLContext(), again, out _);
            Assert.IsType<LstmTransformer>(((TransformerChain<ITransformer>)reloaded).Last());
            (reloaded as IDisposable)?.Dispose();
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void A_multiclass_model_saved_alone_loads_as_the_transformer_with_its_own_score_type()
    {
        using var temp = new TempDirectory();
        var ml = topics.MLContext;
        string zip = temp.File("topics.zip");
        ml.Model.Save(topics.Model, topics.Test.Schema, zip);
        var loaded = LstmModelZip.Load(new MLContext(), zip, out _);
        try
        {
            var transformer = Assert.IsType<LstmTransformer>(loaded);
            var expected = ml.Data.CreateEnumerable<TopicPrediction>(topics.Model.Transform(topics.Test), reuseRowObject: false).ToArray();
            var scored = transformer.Transform(topics.Test);
            Assert.Equal(topics.Model.Transform(topics.Test).Schema["Score"].Type, scored.Schema["Score"].Type);
            var actual = ml.Data.CreateEnumerable<TopicPrediction>(scored, reuseRowObject: false).ToArray();
            Assert.Equal(expected.SelectMany(p => p.Score), actual.SelectMany(p => p.Score));
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void A_zip_saved_before_the_chain_named_its_text_column_loads_as_Model_Load_gives_it()
    {
        string zip = FixtureSet.Get(FixtureSet.V2).File("mlnet-model.zip");
        var loaded = LstmModelZip.Load(new MLContext(), zip, out _);
        try
        {
            Assert.IsNotType<LstmTransformer>(loaded);
            Assert.DoesNotContain((IEnumerable<ITransformer>)loaded, t => t is LstmTransformer);
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void A_missing_file_or_a_file_that_is_not_a_zip_is_refused_naming_it()
    {
        using var temp = new TempDirectory();
        Assert.Throws<FileNotFoundException>(() => LstmModelZip.Load(new MLContext(), temp.File("none.zip"), out _));
        string text = temp.File("text.zip");
        File.WriteAllText(text, "not a zip");
        Assert.ThrowsAny<Exception>(() => LstmModelZip.Load(new MLContext(), text, out _));
    }
}
