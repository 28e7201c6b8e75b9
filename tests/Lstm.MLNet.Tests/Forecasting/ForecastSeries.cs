using System.Globalization;
using Microsoft.ML;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests.Forecasting;

/// <summary>One step of a single series (the daily temperatures).</summary>
public sealed class TemperatureRow
{
    public float Temp { get; set; }
}

/// <summary>One hour of the Beijing pollution series: pm2.5 (the target) and the numeric weather columns.</summary>
public sealed class PollutionRow
{
    public float Pm25 { get; set; }

    public float DEWP { get; set; }

    public float TEMP { get; set; }

    public float PRES { get; set; }

    public float Iws { get; set; }
}

/// <summary>A synthetic series with one feature, for the agreement tests (no data file needed).</summary>
public sealed class SyntheticRow
{
    public float Value { get; set; }

    public float Feature { get; set; }
}

/// <summary>Reads the shared time series with a simple CSV parse, and scores forecasts against the naive forecast.</summary>
public static class ForecastSeries
{
    /// <summary>
    /// daily-min-temperatures.csv: 3,650 rows, 1981-1990, with two dates missing (1984-12-31 and 1988-12-31, the
    /// Melbourne series leaves them out); each missing date is filled by repeating the previous day's value, so every
    /// row is one day. <paramref name="filled"/> counts the filled days.
    /// </summary>
    public static float[] Temperatures(string path, out int filled)
    {
        var values = new List<float>();
        DateOnly? previous = null;
        filled = 0;
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0) continue;
            string[] cells = line.Split(',');
            var date = DateOnly.ParseExact(cells[0].Trim('"'), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            float value = float.Parse(cells[1].Trim('"'), CultureInfo.InvariantCulture);
            for (var day = previous?.AddDays(1); day < date; day = day.Value.AddDays(1))
            {
                values.Add(values[^1]);
                filled++;
            }
            values.Add(value);
            previous = date;
        }
        return [.. values];
    }

    /// <summary>
    /// pollution.csv's first <paramref name="rows"/> hours: pm2.5 with DEWP, TEMP, PRES and Iws (the numeric columns;
    /// the wind direction cbwd and the cumulated snow and rain hours are left out). A missing pm2.5 ("NA") is forward
    /// filled from the last observed hour; the hours before the first observation stay missing (NaN), so the windows
    /// over them are dropped by the estimator.
    /// </summary>
    public static PollutionRow[] Pollution(string path, int rows)
    {
        var result = new List<PollutionRow>();
        float last = float.NaN;
        foreach (string line in File.ReadLines(path).Skip(1).Take(rows))
        {
            string[] c = line.Split(',');
            if (c[5] != "NA") last = float.Parse(c[5], CultureInfo.InvariantCulture);
            result.Add(new PollutionRow
            {
                Pm25 = last,
                DEWP = float.Parse(c[6], CultureInfo.InvariantCulture),
                TEMP = float.Parse(c[7], CultureInfo.InvariantCulture),
                PRES = float.Parse(c[8], CultureInfo.InvariantCulture),
                Iws = float.Parse(c[10], CultureInfo.InvariantCulture),
            });
        }
        return [.. result];
    }

    /// <summary>600 steps: a noisy seasonal value and a feature that leads it, with a missing value in each column.</summary>
    public static SyntheticRow[] Synthetic(int rows = 600)
    {
        var random = new Random(7);
        var result = new SyntheticRow[rows];
        for (int t = 0; t < rows; t++)
        {
            float feature = MathF.Cos(t / 5f) * 3;
            result[t] = new SyntheticRow { Value = 20 + MathF.Sin(t / 7f) * 10 + feature + (float)random.NextDouble(), Feature = feature };
        }
        result[300].Value = float.NaN;
        result[420].Feature = float.NaN;
        return result;
    }

    /// <summary>
    /// MAE over the rows from <paramref name="testStart"/> − 1 whose next <paramref name="horizon"/> values all lie in
    /// the test part (rows ≥ testStart) and the series: of the forecasts, and of the naive forecast (the window's last value for every step).
    /// </summary>
    public static (double Model, double Naive, int Windows) Mae(float[] target, IReadOnlyList<float[]> forecasts, int testStart, int horizon)
    {
        double model = 0, naive = 0;
        int count = 0;
        for (int i = testStart - 1; i + horizon < target.Length; i++)
        {
            bool observed = !float.IsNaN(target[i]) && !float.IsNaN(forecasts[i][0]);
            for (int k = 1; k <= horizon; k++) observed &= !float.IsNaN(target[i + k]);
            if (!observed) continue;
            for (int k = 1; k <= horizon; k++)
            {
                model += Math.Abs(forecasts[i][k - 1] - target[i + k]);
                naive += Math.Abs(target[i] - target[i + k]);
            }
            count++;
        }
        return (model / (count * horizon), naive / (count * horizon), count);
    }

    /// <summary>An MLContext whose Info messages from the forecaster go to the test output.</summary>
    public static MLContext Context(ITestOutputHelper output)
    {
        var ml = new MLContext(seed: 1);
        ml.Log += (_, e) =>
        {
            if (e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Info && e.Source.Contains("LstmForecasting", StringComparison.Ordinal)) output.WriteLine(e.RawMessage);
        };
        return ml;
    }
}
