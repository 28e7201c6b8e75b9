using System.Text;
using Lstm.Training.TimeSeries;

namespace Lstm.Fuzz.Targets;

/// <summary>
/// <see cref="TimeSeriesTable.Parse"/> then <see cref="SeriesWindows.Build"/> (window 3, horizon 2). The first input
/// byte chooses the call: bit 0 the time as one ISO column "time" (else integer columns year, month, day, hour), bit 1
/// gaps inserted (else refused), bits 2-3 the missing-value policy, bit 4 a feature column "x" (numeric or categorical,
/// as the data says); the rest is the file.
/// </summary>
internal sealed class TimeSeriesTarget : FuzzTarget
{
    public override string Name => "time-series";

    public override string Description => "TimeSeriesTable.Parse + SeriesWindows.Build: CSV series, one or four time columns, gap and missing-value policies (first byte)";

    public override string SourceName => "fuzz-input.csv";

    public override Action Prepare(byte[] input, Workspace workspace)
    {
        int mode = input.Length > 0 ? input[0] : 0;
        string text = Encoding.UTF8.GetString(input.AsSpan(Math.Min(1, input.Length)));
        var options = new TimeSeriesFileOptions
        {
            TimeColumns = (mode & 1) != 0 ? ["time"] : ["year", "month", "day", "hour"],
            TargetColumn = "y",
            FeatureColumns = (mode & 16) != 0 ? ["x"] : [],
            Gaps = (mode & 2) != 0 ? GapPolicy.Insert : GapPolicy.Error,
        };
        var windows = new WindowOptions { WindowLength = 3, Horizon = 2, MissingValues = (MissingValuePolicy)((mode >> 2) % 3) };
        return () =>
        {
            var table = TimeSeriesTable.Parse(text, SourceName, options);
            SeriesWindows.Build(table, windows);
        };
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds(SeedSources sources)
    {
        var lines = new StringBuilder("time,y,x\n");
        for (int day = 0; day < 40; day++) lines.Append($"2020-01-{1 + day % 28:00},{day % 7}.5,{(day % 3 == 0 ? "NA" : day.ToString(System.Globalization.CultureInfo.InvariantCulture))}\n");
        yield return ("iso-days.csv", Mode(1 | 16, lines.ToString()));
        var hours = new StringBuilder("No,year,month,day,hour,y,x\n");
        for (int h = 0; h < 60; h++) hours.Append($"{h + 1},2010,1,{1 + h / 24},{h % 24},{(h < 3 ? "NA" : (h * 3 % 17).ToString(System.Globalization.CultureInfo.InvariantCulture))},{(h % 2 == 0 ? "NW" : "cv")}\n");
        yield return ("hourly-columns.csv", Mode(16 | 4, hours.ToString()));
        yield return ("quoted-gap.csv", Mode(1 | 2 | 8, "\"time\",\"y\"\n\"1984-12-29\",1\n\"1984-12-30\",2\n\"1985-01-01\",3\n\"1985-01-02\",4\n\"1985-01-03\",5\n\"1985-01-04\",6\n\"1985-01-05\",7\n"));
    }

    private static byte[] Mode(int mode, string text) => [(byte)mode, .. Encoding.UTF8.GetBytes(text)];
}
