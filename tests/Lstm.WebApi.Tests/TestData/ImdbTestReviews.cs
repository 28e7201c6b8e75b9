using Lstm.Training.Data;
using Lstm.Training.Tests.TestData;

namespace Lstm.WebApi.Tests.TestData;

/// <summary>Real IMDB test reviews from the shared archive (<see cref="SharedDataArchive"/>: skipped when missing, failed under CI=true).</summary>
public static class ImdbTestReviews
{
    /// <summary>
    /// About <paramref name="count"/> test reviews spread evenly over the 25,000 (both labels, all lengths), without
    /// line breaks (none has one, but <c>lstm predict --file</c> reads one text per line).
    /// </summary>
    public static List<string> LoadOrSkip(int count)
    {
        var test = ImdbArchive.Load(SharedDataArchive.FindOrSkip()).Test;
        int stride = Math.Max(1, test.Count / count);
        return [.. test.Where((_, i) => i % stride == 0).Select(r => r.Text).Where(t => !t.Contains('\n') && !t.Contains('\r')).Take(count)];
    }
}
