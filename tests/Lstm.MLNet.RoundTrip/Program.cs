using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

// dotnet Lstm.MLNet.RoundTrip.dll <model.zip> <texts.json> <predictions.json>
// Loads the zip with MLContext.Model.Load only (no Lstm.MLNet type is touched), scores the texts through
// Transform and through a PredictionEngine, and writes both, floats as their exact bit patterns.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Lstm.MLNet.RoundTrip <model.zip> <texts.json> <predictions.json>");
    return 2;
}

var texts = JsonSerializer.Deserialize<string[]>(File.ReadAllText(args[1])) ?? [];
var mlContext = new MLContext(seed: 1);
var model = mlContext.Model.Load(args[0], out var inputSchema);
try
{
    var data = mlContext.Data.LoadFromEnumerable(texts.Select(t => new Review { Text = t }));
    var transformed = mlContext.Data.CreateEnumerable<Prediction>(model.Transform(data), reuseRowObject: false).ToArray();
    var engine = mlContext.Model.CreatePredictionEngine<Review, Prediction>(model);
    var predicted = texts.Select(t => engine.Predict(new Review { Text = t })).ToArray();
    var result = new RoundTripResult(
        model.GetType().FullName ?? "",
        inputSchema.Select(c => c.Name).ToArray(),
        model.GetOutputSchema(inputSchema).Where(c => !c.IsHidden).Select(c => $"{c.Name}:{c.Type}").ToArray(),
        transformed.Select(Bits).ToArray(),
        predicted.Select(Bits).ToArray());
    File.WriteAllText(args[2], JsonSerializer.Serialize(result));
}
finally
{
    (model as IDisposable)?.Dispose();
}
return 0;

static int[] Bits(Prediction p) => [BitConverter.SingleToInt32Bits(p.Score), BitConverter.SingleToInt32Bits(p.Probability), p.PredictedLabel ? 1 : 0];

/// <summary>Input row: the review text in the column the model was trained on.</summary>
internal sealed class Review
{
    public string Text { get; set; } = "";
}

/// <summary>ML.NET's binary-classification output columns.</summary>
internal sealed class Prediction
{
    public float Score { get; set; }

    public float Probability { get; set; }

    public bool PredictedLabel { get; set; }
}

/// <summary>What the test compares: the loaded model's type and schema, and [score bits, probability bits, label] per text.</summary>
internal sealed record RoundTripResult(string ModelType, string[] InputColumns, string[] OutputColumns, int[][] Transformed, int[][] Predicted);
