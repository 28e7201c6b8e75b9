using Lstm.Training.Training;

namespace Lstm.Fuzz.Targets;

/// <summary><see cref="Trainer.Resume"/> on a checkpoint file holding the input.</summary>
internal sealed class CheckpointTarget : FuzzTarget
{
    public override string Name => "checkpoint";

    public override string Description => "Trainer.Resume from a checkpoint file (header JSON, model, Adam state, best weights)";

    public override string SourceName => "fuzz-input.lstmckpt";

    public override Action Prepare(byte[] input, Workspace workspace)
    {
        string path = workspace.WriteFile(SourceName, input);
        return () => Trainer.Resume(path);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds(SeedSources sources) =>
        sources.Fixture("checkpoint.lstmckpt").Concat(TinyModels.Checkpoints(sources.Workspace));
}
