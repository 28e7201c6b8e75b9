using Lstm.Training.Tests.Fixtures;

namespace Lstm.MLNet.Tests;

/// <summary>
/// The ML.NET zip and model.onnx of tests/Fixtures/format-v1, saved by the format-1 code (before issue 10's model-family redesign), through the tests of
/// <see cref="FormatZipTests"/>.
/// </summary>
public sealed class FormatV1ZipTests : FormatZipTests
{
    public FormatV1ZipTests()
        : base(FixtureSet.V1)
    {
    }
}
