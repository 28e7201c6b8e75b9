using Lstm.Training.Tests.Fixtures;

namespace Lstm.Cli.Tests;

/// <summary>
/// tests/Fixtures/format-v2, written by the code of model format 3 (LSTMNET3) and checkpoint format LSTMCKP2, through the
/// tests of <see cref="FormatRunFolderTests"/>; its family run is checked by <see cref="FormatV2FamilyRunFolderTests"/>.
/// </summary>
public sealed class FormatV2RunFolderTests : FormatRunFolderTests
{
    public FormatV2RunFolderTests()
        : base(FixtureSet.V2)
    {
    }
}
