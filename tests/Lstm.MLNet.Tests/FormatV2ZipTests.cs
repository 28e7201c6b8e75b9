using Lstm.Training.Tests.Fixtures;

namespace Lstm.MLNet.Tests;

/// <summary>
/// The ML.NET zip and model.onnx of tests/Fixtures/format-v2, saved by the code of model format 3 (ML.NET 5.0.1), through the tests of
/// <see cref="FormatZipTests"/>; its multi-class zip is checked by <see cref="FormatV2FamilyZipTests"/>.
/// </summary>
public sealed class FormatV2ZipTests : FormatZipTests
{
    public FormatV2ZipTests()
        : base(FixtureSet.V2)
    {
    }
}
