using System.Text.Json;
using Lstm.Training.Models;
using Lstm.Training.Text;

namespace Lstm.Training.Tests.Fixtures;

/// <summary>
/// tests/Fixtures/format-v2, written by the code of model format 3 (LSTMNET3), checkpoint format LSTMCKP2 and ONNX
/// metadata format 2, through the tests of <see cref="FormatFixtureTests"/>; and that its files, and those of its family
/// run (<see cref="FormatV2FamilyTests"/>), are still the files of those formats.
/// </summary>
public sealed class FormatV2Tests : FormatFixtureTests
{
    public FormatV2Tests()
        : base(FixtureSet.V2)
    {
    }

    [Fact]
    public void The_fixture_files_are_the_format_2_files()
    {
        // Guards the fixtures themselves: regenerating them with a later format would make these tests prove nothing.
        AssertRunFolderFormat("");
        Assert.Equal(("lstm-mlnet-fixture-expectations", 2), FixtureSet.FormatAndVersion(Set.File("expected.json")));
        // The seed's shape still writes ONNX metadata format 1.
        Assert.Equal(1, OnnxFormat.Version(Set.File("model.onnx")));
    }

    [Fact]
    public void The_family_files_are_the_format_2_files_of_a_multiclass_gru_network()
    {
        var family = Expected.Family ?? throw new InvalidOperationException("format-v2/expected.json has no family section.");
        string folder = family.Folder + "/";
        AssertRunFolderFormat(folder);
        Assert.Equal(2, OnnxFormat.Version(Set.File(folder + "model.onnx")));
        var spec = SequenceNetwork.Load(Set.File(folder + "model.lstm")).Spec;
        Assert.Equal(family.Network, spec.Describe());
        Assert.Equal((TaskKind.MulticlassClassification, 3, true, PoolingKind.Max), (spec.Task, spec.Outputs, spec.MaskZero, spec.Pooling));
        var layer = Assert.Single(spec.Recurrent);
        Assert.Equal((RecurrentKind.Gru, 8, true), (layer.Kind, layer.Units, layer.Bidirectional));
        Assert.Equal(family.Classes, spec.ClassNames);
        Assert.Equal(family.Classes, Expected[folder + "model.lstm"].Classes);
    }

    /// <summary>model.lstm (LSTMNET3) and the checkpoint (LSTMCKP2) end with their SHA-256, the model records its vocabulary's hash, training.json has the new fields.</summary>
    private void AssertRunFolderFormat(string folder)
    {
        string model = Set.File(folder + "model.lstm"), checkpoint = Set.File(folder + "checkpoint.lstmckpt");
        Assert.Equal("LSTMNET3", FixtureSet.Magic(model));
        Assert.True(FixtureSet.EndsWithItsSha256(model), $"{model} does not end with the SHA-256 of its contents.");
        Assert.Equal("LSTMCKP2", FixtureSet.Magic(checkpoint));
        Assert.True(FixtureSet.EndsWithItsSha256(checkpoint), $"{checkpoint} does not end with the SHA-256 of its contents.");
        Assert.Equal(("lstm-mlnet-vocabulary", 1), FixtureSet.FormatAndVersion(Set.File(folder + "vocabulary.json")));
        Assert.Equal(Vocabulary.Load(Set.File(folder + "vocabulary.json")).ContentHash, SequenceNetwork.Load(model).VocabularyHash);
        string manifest = Set.File(folder + "training.json");
        Assert.Equal(("lstm-mlnet-training", 1), FixtureSet.FormatAndVersion(manifest));
        using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.GetProperty("network").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("processId").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("failureReason").ValueKind);
        Assert.Equal("completed", root.GetProperty("status").GetString());
    }
}
