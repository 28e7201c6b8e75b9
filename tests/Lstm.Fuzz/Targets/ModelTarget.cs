using Lstm.Training.Models;

namespace Lstm.Fuzz.Targets;

/// <summary>
/// <see cref="SequenceNetwork.Read"/> on the input's bytes: model.lstm of the family, and the older
/// <c>LstmClassifier</c> format it falls back to.
/// </summary>
internal sealed class ModelTarget : FuzzTarget
{
    public override string Name => "model";

    public override string Description => "SequenceNetwork.Read (model.lstm of the family, and the LstmClassifier format)";

    public override string SourceName => "fuzz-input.lstm";

    public override Action Prepare(byte[] input, Workspace workspace) =>
        () => SequenceNetwork.Read(new MemoryStream(input, writable: false), SourceName);

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds(SeedSources sources) => sources.Fixture("model.lstm").Concat(
    [
        ("tiny-classifier.lstm", TinyModels.ModelBytes(SequenceNetwork.FromClassifier(TinyModels.Classifier()))),
        ("tiny-family.lstm", TinyModels.ModelBytes(TinyModels.Family())),
    ]);
}
