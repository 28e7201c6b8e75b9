using Lstm.Training.Data;
using Lstm.Training.Tests.TestData;

namespace Lstm.MLNet.Tests.TestData;

/// <summary>The real IMDB archive, read once per test run and shared by the tests that need it.</summary>
public static class RealImdb
{
    private static readonly Lazy<ImdbDataset> Dataset = new(() => ImdbArchive.Load(SharedDataArchive.FindOrSkip()));

    /// <summary>All 50,000 labelled reviews; skips the test (fails it under CI) when the archive is missing (<see cref="SharedDataArchive.FindOrSkip"/>).</summary>
    public static ImdbDataset LoadOrSkip()
    {
        SharedDataArchive.FindOrSkip();
        return Dataset.Value;
    }
}
