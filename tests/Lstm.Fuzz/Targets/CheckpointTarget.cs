using Lstm.Training.Training;

namespace Lstm.Fuzz.Targets;

/// <summary>
/// <see cref="Trainer.Resume"/> on a checkpoint file holding the input: today's format (its checksum appended by
/// <see cref="Checksums"/>) or the first one (the format-v1 fixture).
/// </summary>
internal sealed class CheckpointTarget : FuzzTarget
{
    private static ReadOnlySpan<byte> Magic => "LSTMCKP2"u8;

    public override string Name => "checkpoint";

    public override string Description => "Trainer.Resume from a checkpoint file (LSTMCKP2 with its checksum appended, LSTMCKP1)";

    public override string SourceName => "fuzz-input.lstmckpt";

    public override Action Prepare(byte[] input, Workspace workspace)
    {
        string path = workspace.WriteFile(SourceName, Checksums.Complete(input, Magic));
        return () => Trainer.Resume(path);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds(SeedSources sources) =>
        sources.Fixture("checkpoint.lstmckpt").Concat(TinyModels.Checkpoints(sources.Workspace)).Select(s => (s.Name, Checksums.Strip(s.Bytes, Magic)));
}
