using System.Text.Json;
using Lstm.Training.Models;
using Lstm.Training.Training.Callbacks;

namespace Lstm.Training.Training;

public sealed partial class Trainer
{
    private const string LegacyCheckpointMagic = "LSTMCKP1";
    private const string CheckpointMagic = "LSTMCKP2";

    /// <summary>
    /// Writes everything needed to continue this run exactly (weights, Adam moments and step, random state, history,
    /// early-stopping state and best weights, options) to <paramref name="path"/>, atomically.
    /// Layout: magic "LSTMCKP2", a JSON header (string), the model (<see cref="SequenceNetwork.Write"/>), then Adam's
    /// m and v per tensor (length + float32 LE), then the best weights when early stopping keeps them, then the SHA-256
    /// of everything before it (checked by <see cref="Resume"/>; checkpoints of format "LSTMCKP1" have none).
    /// </summary>
    public void SaveCheckpoint(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bestWeights = _earlyStopping?.BestWeights;
        var header = new CheckpointHeader(
            Options.Epochs, Options.BatchSize, Options.LearningRate, Options.ClipNorm, Options.Shuffle, Options.Seed,
            Options.ValidationBatchSize, Options.EarlyStopping, History.ToJson(), _random.GetState(), _adam.Iterations,
            NullIfNaN(_earlyStopping?.Best), _earlyStopping?.Wait ?? 0, _earlyStopping?.BestEpoch ?? 0, bestWeights is not null,
            Options.ReduceLearningRateOnPlateau, _adam.LearningRate, NullIfNaN(_reduceLearningRate?.Best), _reduceLearningRate?.Wait ?? 0,
            Options.ClassWeight?.ToDictionary(p => p.Key, p => p.Value));
        AtomicFile.Write(path, file => ChecksummedSection.Write(file, stream =>
        {
            using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            w.Write(CheckpointMagic.ToCharArray());
            w.Write(JsonSerializer.Serialize(header));
            Network.Write(stream);
            for (int i = 0; i < _adam.M.Length; i++)
            {
                WriteTensor(w, _adam.M[i]);
                WriteTensor(w, _adam.V[i]);
            }
            if (bestWeights is not null) new SequenceNetwork(bestWeights).Write(stream);
        }));
    }

    /// <summary>
    /// Restores a run from a checkpoint written by <see cref="SaveCheckpoint"/> (or <see cref="FitOptions.CheckpointPath"/>);
    /// calling <see cref="Fit"/> with the same data then continues as if it had never stopped.
    /// <paramref name="progress"/>, <paramref name="checkpointPath"/>, <paramref name="epochs"/>,
    /// <paramref name="maxDegreeOfParallelism"/> and <paramref name="callbacks"/> (<see cref="FitOptions.Callbacks"/>, which
    /// checkpoints do not hold) may differ from the original run; everything else is taken from the file.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint or is truncated.</exception>
    public static Trainer Resume(string path, Action<TrainingProgress>? progress = null, string? checkpointPath = null, int? epochs = null, int? maxDegreeOfParallelism = null, IReadOnlyList<Callback>? callbacks = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Read whole (a few tens of MB at most): the nested model reader needs a seekable stream, and the checksum covers it all.
        byte[] bytes = File.ReadAllBytes(path);
        string magic = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, CheckpointMagic.Length));
        int body = magic switch
        {
            CheckpointMagic => ChecksummedSection.Verify(bytes, path),
            LegacyCheckpointMagic => bytes.Length,
            _ => throw new InvalidDataException($"{path}: not an Lstm.Training checkpoint (expected header '{CheckpointMagic}', found '{magic}')."),
        };
        using var stream = new MemoryStream(bytes, 0, body, writable: false);
        return ReadCheckpoint(stream, path, progress, checkpointPath, epochs, maxDegreeOfParallelism, callbacks);
    }

    private static Trainer ReadCheckpoint(Stream stream, string path, Action<TrainingProgress>? progress, string? checkpointPath, int? epochs, int? maxDegreeOfParallelism,
        IReadOnlyList<Callback>? callbacks)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            r.ReadBytes(CheckpointMagic.Length);
            var h = JsonSerializer.Deserialize<CheckpointHeader>(SequenceNetwork.ReadString(r, path, "checkpoint header"))
                ?? throw new InvalidDataException($"{path}: empty checkpoint header.");
            var model = SequenceNetwork.Read(stream, path);
            var stored = new FitOptions
            {
                Epochs = h.Epochs,
                BatchSize = h.BatchSize,
                LearningRate = h.LearningRate,
                ClipNorm = h.ClipNorm,
                Shuffle = h.Shuffle,
                Seed = h.Seed,
                ValidationBatchSize = h.ValidationBatchSize,
                EarlyStopping = h.EarlyStopping,
                ReduceLearningRateOnPlateau = h.ReduceLearningRateOnPlateau,
                ClassWeight = h.ClassWeight,
            };
            var (history, random) = CheckHeader(h, stored, model.Spec.Task, path);
            var options = stored with
            {
                Epochs = epochs ?? h.Epochs,
                Progress = progress,
                CheckpointPath = checkpointPath ?? path,
                MaxDegreeOfParallelism = maxDegreeOfParallelism,
                Callbacks = callbacks ?? [],
            };
            var trainer = new Trainer(model, options)
            {
                History = history,
                _random = random,
            };
            if (trainer._earlyStopping is { } es)
            {
                es.Best = h.Best ?? double.NaN;
                es.Wait = h.Wait;
                es.BestEpoch = h.BestEpoch;
            }
            if (trainer._reduceLearningRate is { } plateau)
            {
                plateau.Best = h.PlateauBest ?? double.NaN;
                plateau.Wait = h.PlateauWait;
            }
            trainer._adam.LearningRate = h.CurrentLearningRate ?? h.LearningRate;
            trainer._adam.Iterations = h.AdamIterations;
            for (int i = 0; i < trainer._adam.M.Length; i++)
            {
                ReadTensor(r, trainer._adam.M[i], path);
                ReadTensor(r, trainer._adam.V[i], path);
            }
            if (h.HasBestWeights)
            {
                var best = SequenceNetwork.Read(stream, path).Parameters;
                if (trainer._earlyStopping is { } stopping) stopping.BestWeights = best;
            }
            return trainer;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: the checkpoint is truncated.", e);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: the checkpoint header is not valid: {e.Message}", e);
        }
    }

    /// <summary>
    /// The header's history and random state, once its training options are checked as <see cref="FitOptions"/> checks
    /// them: a damaged header is an <see cref="InvalidDataException"/> naming the file, never an ArgumentException.
    /// </summary>
    private static (History History, SeededRandom Random) CheckHeader(CheckpointHeader h, FitOptions stored, Models.TaskKind task, string path)
    {
        try
        {
            stored.Validate();
            if (h.EarlyStopping is { } es) Callbacks.MonitoredMetric.Check(es.Monitor, hasValidation: true, task);
            if (h.ReduceLearningRateOnPlateau is { } plateau) Callbacks.MonitoredMetric.Check(plateau.Monitor, hasValidation: true, task);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: the checkpoint's training options are not valid: {e.Message}", e);
        }
        if (h.History is null) throw new InvalidDataException($"{path}: the checkpoint header has no history.");
        if (h.RandomState is not { Length: 4 })
            throw new InvalidDataException($"{path}: the checkpoint header's random state has {h.RandomState?.Length ?? 0} words; expected 4.");
        History history;
        try
        {
            history = History.FromJson(h.History);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: the checkpoint's history is not valid: {e.Message}", e);
        }
        return (history, SeededRandom.FromState(h.RandomState));
    }

    private static double? NullIfNaN(double? value) => value is { } v && !double.IsNaN(v) ? v : null;

    private static void WriteTensor(BinaryWriter w, float[] t)
    {
        w.Write(t.LongLength);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(t.AsSpan()));
    }

    private static void ReadTensor(BinaryReader r, float[] t, string path)
    {
        long n = r.ReadInt64();
        if (n != t.LongLength) throw new InvalidDataException($"{path}: optimizer state has {n} values where {t.LongLength} were expected.");
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(t.AsSpan()));
    }

    private sealed record CheckpointHeader(
        int Epochs, int BatchSize, float LearningRate, float? ClipNorm, bool Shuffle, ulong Seed, int ValidationBatchSize,
        EarlyStopping? EarlyStopping, string History, ulong[] RandomState, long AdamIterations, double? Best, int Wait,
        int BestEpoch, bool HasBestWeights, ReduceLearningRateOnPlateau? ReduceLearningRateOnPlateau = null,
        float? CurrentLearningRate = null, double? PlateauBest = null, int PlateauWait = 0,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Dictionary<int, float>? ClassWeight = null);
}
