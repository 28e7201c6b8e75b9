using Lstm.Training.Models;

namespace Lstm.Fuzz.Targets;

/// <summary>
/// <see cref="SequenceNetwork.Read"/> on the input's bytes: model.lstm of today's format (its checksum appended by
/// <see cref="Checksums"/>), of the family's first format, and of the older <c>LstmClassifier</c> format.
/// </summary>
internal sealed class ModelTarget : FuzzTarget
{
    private static ReadOnlySpan<byte> Magic => "LSTMNET3"u8;

    public override string Name => "model";

    public override string Description => "SequenceNetwork.Read (model.lstm: LSTMNET3 with its checksum appended, LSTMNET2, LSTMCLS1)";

    public override string SourceName => "fuzz-input.lstm";

    public override Action Prepare(byte[] input, Workspace workspace)
    {
        byte[] file = Checksums.Complete(input, Magic);
        return () => SequenceNetwork.Read(new MemoryStream(file, writable: false), SourceName);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds(SeedSources sources) =>
        sources.Fixture("model.lstm").Select(s => (s.Name, Checksums.Strip(s.Bytes, Magic))).Concat(
    [
        ("tiny-classifier.lstm", Checksums.Strip(TinyModels.ModelBytes(SequenceNetwork.FromClassifier(TinyModels.Classifier())), Magic)),
        ("tiny-family.lstm", Checksums.Strip(TinyModels.ModelBytes(TinyModels.Family()), Magic)),
    ]);
}
