using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

// dotnet Lstm.MLNet.RoundTrip.dll <model.zip> <texts.json> <predictions.json> [binary|multiclass|regression]
// dotnet Lstm.MLNet.RoundTrip.dll <model.zip> <series.csv> <predictions.json> forecast   (see ForecastRoundTrip)
// Loads the zip with MLContext.Model.Load only (no Lstm.MLNet type is touched), scores the texts through
// Transform and through a PredictionEngine, and writes both, floats as their exact bit patterns: per text
// binary [Score, Probability, PredictedLabel], multi-class [Score slots..., PredictedLabel key] (and the class names
// MapKeyToValue gives), regression [Score] or [Score slots...].
if (args.Length is not (3 or 4))
{
    Console.Error.WriteLine("usage: Lstm.MLNet.RoundTrip <model.zip> <texts.json> <predictions.json> [binary|multiclass|regression]");
    return 2;
}

string task = args.Length == 4 ? args[3] : "binary";
if (task == "forecast")
{
    // args[1] is a series CSV rather than texts; see ForecastRoundTrip.
    ForecastRoundTrip.Run(args[0], args[1], args[2]);
    return 0;
}
var texts = JsonSerializer.Deserialize<string[]>(File.ReadAllText(args[1])) ?? [];
var mlContext = new MLContext(seed: 1);
var model = mlContext.Model.Load(args[0], out var inputSchema);
try
{
    var data = mlContext.Data.LoadFromEnumerable(texts.Select(t => new Review { Text = t }));
    var scored = model.Transform(data);
    int[][] transformed, predicted;
    string[]? names = null;
    switch (task)
    {
        case "binary":
            {
                transformed = mlContext.Data.CreateEnumerable<Prediction>(scored, reuseRowObject: false).Select(Bits).ToArray();
                var engine = mlContext.Model.CreatePredictionEngine<Review, Prediction>(model);
                predicted = texts.Select(t => Bits(engine.Predict(new Review { Text = t }))).ToArray();
                break;
            }
        case "multiclass":
            {
                transformed = mlContext.Data.CreateEnumerable<ClassPrediction>(scored, reuseRowObject: false).Select(ClassBits).ToArray();
                var named = mlContext.Transforms.Conversion.MapKeyToValue("PredictedName", "PredictedLabel").Fit(scored).Transform(scored);
                names = named.GetColumn<string>("PredictedName").ToArray();
                var engine = mlContext.Model.CreatePredictionEngine<Review, ClassPrediction>(model);
                predicted = texts.Select(t => ClassBits(engine.Predict(new Review { Text = t }))).ToArray();
                break;
            }
        default:
            {
                bool vector = scored.Schema["Score"].Type is VectorDataViewType;
                transformed = vector
                    ? scored.GetColumn<float[]>("Score").Select(s => s.Select(BitConverter.SingleToInt32Bits).ToArray()).ToArray()
                    : scored.GetColumn<float>("Score").Select(s => new[] { BitConverter.SingleToInt32Bits(s) }).ToArray();
                if (vector)
                {
                    var engine = mlContext.Model.CreatePredictionEngine<Review, ValuesPrediction>(model);
                    predicted = texts.Select(t => engine.Predict(new Review { Text = t }).Score.Select(BitConverter.SingleToInt32Bits).ToArray()).ToArray();
                }
                else
                {
                    var engine = mlContext.Model.CreatePredictionEngine<Review, ValuePrediction>(model);
                    predicted = texts.Select(t => new[] { BitConverter.SingleToInt32Bits(engine.Predict(new Review { Text = t }).Score) }).ToArray();
                }
                break;
            }
    }
    var result = new RoundTripResult(
        model.GetType().FullName ?? "",
        inputSchema.Select(c => c.Name).ToArray(),
        model.GetOutputSchema(inputSchema).Where(c => !c.IsHidden).Select(c => $"{c.Name}:{c.Type}").ToArray(),
        transformed,
        predicted,
        names);
    File.WriteAllText(args[2], JsonSerializer.Serialize(result));
}
finally
{
    (model as IDisposable)?.Dispose();
}
return 0;

static int[] Bits(Prediction p) => [BitConverter.SingleToInt32Bits(p.Score), BitConverter.SingleToInt32Bits(p.Probability), p.PredictedLabel ? 1 : 0];

static int[] ClassBits(ClassPrediction p) => [.. p.Score.Select(BitConverter.SingleToInt32Bits), (int)p.PredictedLabel];

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

/// <summary>ML.NET's multi-class output columns: the class probabilities and the predicted key.</summary>
internal sealed class ClassPrediction
{
    public float[] Score { get; set; } = [];

    public uint PredictedLabel { get; set; }
}

/// <summary>ML.NET's regression output column.</summary>
internal sealed class ValuePrediction
{
    public float Score { get; set; }
}

/// <summary>A regression output of several values.</summary>
internal sealed class ValuesPrediction
{
    public float[] Score { get; set; } = [];
}

/// <summary>What the test compares: the loaded model's type and schema, the output bits per text, and (multi-class) the predicted class names.</summary>
internal sealed record RoundTripResult(string ModelType, string[] InputColumns, string[] OutputColumns, int[][] Transformed, int[][] Predicted, string[]? PredictedNames);
