using Lstm.Training.Data;
using Lstm.Training.Tests.TestData;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests.TestData;

/// <summary>The real IMDB archive, read once per test run and shared by the tests that need it.</summary>
public static class RealImdb
{
    private static readonly Lazy<ImdbDataset?> Dataset = new(() => SharedDataArchive.Find() is { } path ? ImdbArchive.Load(path) : null);

    /// <summary>All 50,000 labelled reviews, or null (after <see cref="SharedDataArchive.FindOrSkip"/>'s note or CI failure).</summary>
    public static ImdbDataset? LoadOrSkip(ITestOutputHelper output) =>
        SharedDataArchive.FindOrSkip(output) is null ? null : Dataset.Value;
}
