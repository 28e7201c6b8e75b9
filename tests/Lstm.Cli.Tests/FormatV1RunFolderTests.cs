using Lstm.Training.Tests.Fixtures;

namespace Lstm.Cli.Tests;

/// <summary>
/// tests/Fixtures/format-v1, written by the format-1 code (before issue 10's model-family redesign), through the tests
/// of <see cref="FormatRunFolderTests"/>.
/// </summary>
public sealed class FormatV1RunFolderTests : FormatRunFolderTests
{
    public FormatV1RunFolderTests()
        : base(FixtureSet.V1)
    {
    }
}
