namespace Lstm.Training.Tests.Fixtures;

/// <summary>
/// tests/Fixtures/format-v1, written by the format-1 code (before issue 10's model-family redesign), through the tests
/// of <see cref="FormatFixtureTests"/>; and that its files are still the version-1 files.
/// </summary>
public sealed class FormatV1Tests : FormatFixtureTests
{
    public FormatV1Tests()
        : base(FixtureSet.V1)
    {
    }

    [Fact]
    public void The_fixture_files_are_the_format_1_files()
    {
        // Guards the fixtures themselves: regenerating them with a later format would make these tests prove nothing.
        Assert.Equal("LSTMCLS1", FixtureSet.Magic(Set.File("model.lstm")));
        Assert.Equal("LSTMCKP1", FixtureSet.Magic(Set.File("checkpoint.lstmckpt")));
        Assert.Equal(("lstm-mlnet-vocabulary", 1), FixtureSet.FormatAndVersion(Set.File("vocabulary.json")));
        Assert.Equal(("lstm-mlnet-training", 1), FixtureSet.FormatAndVersion(Set.File("training.json")));
        Assert.Equal(("lstm-mlnet-fixture-expectations", 1), FixtureSet.FormatAndVersion(Set.File("expected.json")));
        Assert.Equal(1, OnnxFormat.Version(Set.File("model.onnx")));
        Assert.False(Directory.Exists(Set.File("family")), "format-v1 predates the model family; its run of the family is in format-v2.");
    }
}
