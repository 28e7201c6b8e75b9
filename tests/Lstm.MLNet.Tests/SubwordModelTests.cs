using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Tests.TestData;
using Lstm.Training.Text;
using Lstm.Training.Training;
using Microsoft.ML;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests;

/// <summary>A subword (o200k_base) model on Korean reviews: ApplyLstmModel, Transform and PredictionEngine tokenize in .NET and agree with the C# forward pass.</summary>
public sealed class SubwordModelTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void ApplyLstmModel_OnASubwordModel_MatchesTheCSharpForwardPass()
    {
        var reviews = NaverReviews.Read(600);
        var texts = reviews.Select(r => r.Text).ToArray();
        var options = new TextModelOptions
        {
            NumWords = 2_000,
            MaxLength = 40,
            Network = NetworkSpec.Seed with { EmbeddingDim = 8, Recurrent = [new RecurrentLayerSpec { Units = 8 }] },
            Fit = new FitOptions { Epochs = 1 },
        };
        var model = new TextModelTrainer(options).Fit(new LabelledTexts(texts, TextLabels.Binary([.. reviews.Select(r => r.Positive)])));
        Assert.Equal("o200k_base", model.Vectorizer.Tokenizer);
        float[] expected = model.Predict(texts);

        var ml = new MLContext(seed: 1);
        var rows = reviews.Select(r => new Review { Text = r.Text, Label = r.Positive }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        using var transformer = ml.Transforms.ApplyLstmModel(TextModelFile.ToBytes(model)).Fit(data);
        Assert.Equal("o200k_base", transformer.Metadata.Tokenizer);
        var scored = ml.Data.CreateEnumerable<ReviewPrediction>(transformer.Transform(data), reuseRowObject: false).ToArray();
        var engine = ml.Model.CreatePredictionEngine<Review, ReviewPrediction>(transformer);
        double worst = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(expected[i], scored[i].Probability, 1e-5f);
            Assert.Equal(expected[i], engine.Predict(rows[i]).Probability, 1e-5f);
            worst = Math.Max(worst, Math.Abs(expected[i] - scored[i].Probability));
        }
        output.WriteLine($"{rows.Length} Korean reviews: largest |ONNX Runtime - C#| probability difference {worst:E2}");
        var error = Assert.Throws<NotSupportedException>(() => ml.Model.Save(transformer, data.Schema, new MemoryStream()));
        Assert.Contains("SaveOnnxModel", error.Message);
    }

    [SkippableFact]
    public void Trainer_WithAutoTokenizer_TrainsPiecesOnKorean()
    {
        var reviews = NaverReviews.Read(300);
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(reviews.Select(r => new Review { Text = r.Text, Label = r.Positive }));
        var trainer = ml.BinaryClassification.Trainers.Lstm(new LstmTrainer.Options { NumWords = 1_000, MaxLength = 30, EmbeddingDim = 8, Units = 8, Epochs = 1 });
        using var transformer = trainer.Fit(data);
        Assert.Equal("o200k_base", transformer.Metadata.Tokenizer);
        var metrics = ml.BinaryClassification.Evaluate(transformer.Transform(data));
        Assert.InRange(metrics.Accuracy, 0, 1);
    }
}
