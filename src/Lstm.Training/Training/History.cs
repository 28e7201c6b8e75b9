using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lstm.Training.Training;

/// <summary>Keras's <c>History</c>: per-epoch metrics under Keras's names (<c>loss</c>, <c>accuracy</c>, <c>val_loss</c>, <c>val_accuracy</c>).</summary>
public sealed class History
{
    /// <summary>One entry per completed epoch.</summary>
    public List<EpochResult> Epochs { get; init; } = [];

    /// <summary>Epoch whose weights the model holds when early stopping restored the best ones (1-based), else null.</summary>
    public int? RestoredEpoch { get; set; }

    /// <summary>True when early stopping ended the run before the planned epochs.</summary>
    public bool StoppedEarly { get; set; }

    /// <summary>Training loss per epoch.</summary>
    [JsonIgnore] public IReadOnlyList<double> Loss => Epochs.Select(e => e.Loss).ToList();

    /// <summary>Training accuracy per epoch.</summary>
    [JsonIgnore] public IReadOnlyList<double> Accuracy => Epochs.Select(e => e.Accuracy).ToList();

    /// <summary>Validation loss per epoch (NaN where there was no validation).</summary>
    [JsonIgnore] public IReadOnlyList<double> ValLoss => Epochs.Select(e => e.ValLoss ?? double.NaN).ToList();

    /// <summary>Validation accuracy per epoch (NaN where there was no validation).</summary>
    [JsonIgnore] public IReadOnlyList<double> ValAccuracy => Epochs.Select(e => e.ValAccuracy ?? double.NaN).ToList();

    /// <summary>Training mean absolute error per epoch (regression; NaN for classifiers).</summary>
    [JsonIgnore] public IReadOnlyList<double> MeanAbsoluteError => Epochs.Select(e => e.MeanAbsoluteError ?? double.NaN).ToList();

    /// <summary>True when the epochs are a regression network's (they carry <c>mae</c> rather than <c>accuracy</c>).</summary>
    [JsonIgnore] public bool IsRegression => Epochs.Count > 0 && Epochs[0].MeanAbsoluteError is not null;

    /// <summary>The Keras-shaped dictionary <c>history.history</c>: loss and accuracy, or loss and mae for regression, and their val_ forms.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> ToDictionary()
    {
        bool regression = IsRegression;
        var d = new Dictionary<string, IReadOnlyList<double>> { ["loss"] = Loss };
        if (regression) d["mae"] = MeanAbsoluteError;
        else d["accuracy"] = Accuracy;
        if (Epochs.Count > 0 && Epochs.All(e => e.ValLoss is not null))
        {
            d["val_loss"] = ValLoss;
            if (regression) d["val_mae"] = Epochs.Select(e => e.ValMeanAbsoluteError ?? double.NaN).ToList();
            else d["val_accuracy"] = ValAccuracy;
        }
        return d;
    }

    // Regression epochs have no accuracy: it is written as "NaN".
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>JSON with the Keras dictionary under "history" and per-epoch details under "epochs".</summary>
    public string ToJson() => JsonSerializer.Serialize(new HistoryFile(ToDictionary(), Epochs, RestoredEpoch, StoppedEarly), Json);

    /// <summary>Writes <see cref="ToJson"/> atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    public static History FromJson(string json)
    {
        var file = JsonSerializer.Deserialize<HistoryFile>(json, Json) ?? throw new InvalidDataException("Empty history JSON.");
        return new History { Epochs = [.. file.Epochs], RestoredEpoch = file.RestoredEpoch, StoppedEarly = file.StoppedEarly };
    }

    private sealed record HistoryFile(
        [property: JsonPropertyName("history")] IReadOnlyDictionary<string, IReadOnlyList<double>> Keras,
        [property: JsonPropertyName("epochs")] IReadOnlyList<EpochResult> Epochs,
        [property: JsonPropertyName("restored_epoch")] int? RestoredEpoch,
        [property: JsonPropertyName("stopped_early")] bool StoppedEarly);
}
