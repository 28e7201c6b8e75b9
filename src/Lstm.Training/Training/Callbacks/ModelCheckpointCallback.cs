namespace Lstm.Training.Training.Callbacks;

/// <summary>
/// Keras's <c>ModelCheckpoint</c> for whole runs: after every epoch writes, atomically, the checkpoint that
/// <see cref="Trainer.Resume"/> continues from (<see cref="Trainer.SaveCheckpoint"/>); what <see cref="FitOptions.CheckpointPath"/> does.
/// </summary>
public sealed class ModelCheckpointCallback : Callback
{
    /// <summary>Writes to <paramref name="path"/>.</summary>
    public ModelCheckpointCallback(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
    }

    /// <summary>Where the checkpoint is written.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override void OnEpochEnd(EpochResult result, CallbackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Trainer.SaveCheckpoint(Path);
    }
}
