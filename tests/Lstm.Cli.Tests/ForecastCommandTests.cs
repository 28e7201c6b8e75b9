using System.Globalization;
using System.Text.Json;
using Lstm.Cli.Forecast;
using Lstm.Training.TimeSeries;
using Microsoft.ML.OnnxRuntime;

namespace Lstm.Cli.Tests;

/// <summary>
/// <c>lstm forecast train|evaluate|predict</c>: on a synthetic seasonal series (fast, exact checks), on both real
/// series of shared/data/timeseries (the LSTM must beat the naive forecast on the test period), and the errors a bad
/// series gets.
/// </summary>
public sealed class ForecastCommandTests
{
    /// <summary>An hourly series y = 10 + 5 sin(2πt/24) + 2 sin(2πt/7) + noise, with a numeric and a categorical feature.</summary>
    private static string WriteSeries(TempFolder temp, int hours = 2_000, string name = "series.csv")
    {
        var lines = new List<string> { "time,load,temperature,shift" };
        var start = new DateTime(2020, 1, 1);
        ulong state = 12345;
        double Noise()
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            return ((state >> 11) / (double)(1UL << 53)) - 0.5;
        }
        for (int t = 0; t < hours; t++)
        {
            double temperature = 15 + 8 * Math.Sin(2 * Math.PI * t / 24 - 1);
            double load = 10 + 5 * Math.Sin(2 * Math.PI * t / 24) + 2 * Math.Sin(2 * Math.PI * t / 7) + Noise();
            string shift = (t % 24) < 8 ? "night" : (t % 24) < 16 ? "day" : "evening";
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{start.AddHours(t):yyyy-MM-dd HH:mm},{load:0.###},{temperature:0.##},{shift}"));
        }
        string path = temp.File(name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string[] Train(string data, string run, params string[] extra) =>
        ["forecast", "train", "--data", data, "--time-column", "time", "--target", "load", "--features", "temperature,shift",
         "--window", "24", "--units", "16", "--learning-rate", "0.01", "--seed", "3", "--out", run, .. extra.Contains("--epochs") ? extra : [.. extra, "--epochs", "6"]];

    [Fact]
    public void Train_BeatsTheNaiveForecast_AndEvaluateAndPredictReadTheRunBack()
    {
        using var temp = new TempFolder();
        string data = WriteSeries(temp), run = temp.File("run");
        var train = LstmRunner.Run(Train(data, run, "--horizon", "3"));
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("Inputs: 5 features per step (load, temperature, shift=day, shift=evening, shift=night)", train.Output);
        Assert.Contains("Input(features=5) -> LSTM(16", train.Output);
        foreach (string file in new[] { "model.lstm", "model.onnx", "forecast.json", "forecast.png", "loss.png", "mae.png" })
            Assert.True(File.Exists(Path.Combine(run, file)), file);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "forecast.json")));
        var test = json.RootElement.GetProperty("test");
        double model = test.GetProperty("model").GetProperty("meanAbsoluteError").GetDouble();
        double naive = test.GetProperty("naive").GetProperty("meanAbsoluteError").GetDouble();
        Assert.True(model < naive, $"LSTM MAE {model} vs naive {naive}");
        Assert.Equal(3, test.GetProperty("modelMaeByStep").GetArrayLength());
        Assert.Equal(1_400, json.RootElement.GetProperty("trainingRows").GetInt32());

        var evaluate = LstmRunner.Run("forecast", "evaluate", "--model", run, "--plot", temp.File("eval.png"));
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        string lstmLine = evaluate.Output.Split('\n').Single(l => l.StartsWith("  LSTM  ", StringComparison.Ordinal));
        Assert.Equal(model.ToString("0.####", CultureInfo.InvariantCulture), lstmLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        Assert.True(File.Exists(temp.File("eval.png")));

        var predict = LstmRunner.Run("forecast", "predict", "--model", run, "--format", "tsv");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        string[] lines = predict.Output.Trim().Split('\n');
        Assert.Equal("step\ttime\tload", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("1\t2020-03-24 08:00\t", lines[1]); // the hour after the last of 2,000 rows
        Assert.StartsWith("3\t2020-03-24 10:00\t", lines[3]);
        double first = double.Parse(lines[1].Split('\t')[2], CultureInfo.InvariantCulture);
        Assert.InRange(first, 0, 25);
    }

    [Fact]
    public void TheRunsOnnxModel_TakesRawFeatures_AndGivesTheForecastsInTheTargetsUnits()
    {
        using var temp = new TempFolder();
        string data = WriteSeries(temp, 1_200), run = temp.File("run");
        var trained = LstmRunner.Run(Train(data, run, "--horizon", "2", "--epochs", "2"));
        Assert.True(trained.ExitCode == 0, trained.ToString());
        var model = ForecastModel.Load(run);
        var preprocessing = model.Run.ReadPreprocessing();
        var series = SeriesWindows.Build(TimeSeriesTable.Read(data, model.Run.File), model.Run.Windows);
        var expected = ForecastEvaluation.Predict(model.Network, series, series.Test, threads: 1);

        // The graph standardises its input itself: give it the features in their own units (numeric columns un-scaled,
        // one-hot columns as they are).
        int f = series.FeatureCount, w = series.WindowLength, n = series.Test.Count;
        var raw = new float[n * w * f];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < w; t++)
                for (int j = 0; j < f; j++)
                {
                    float value = series.Test.Inputs[i][t * f + j];
                    var column = preprocessing.Scaler.Columns.FirstOrDefault(c => c.Name == series.FeatureNames[j]);
                    raw[(i * w + t) * f + j] = column is null ? value : (float)(value * column.StandardDeviation + column.Mean);
                }
        using var session = new InferenceSession(Path.Combine(run, "model.onnx"));
        using var input = OrtValue.CreateTensorValueFromMemory(raw, [n, w, f]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["input"], [input], ["value"]);
        var values = outputs[0].GetTensorDataAsSpan<float>();
        double worst = 0;
        for (int i = 0; i < n; i++)
            for (int h = 0; h < 2; h++) worst = Math.Max(worst, Math.Abs(values[i * 2 + h] - expected[i][h]) / Math.Max(1, Math.Abs(expected[i][h])));
        Assert.True(worst < 1e-5, $"max relative difference {worst:E2}");
    }

    [Fact]
    public void Predict_OnAnExtendedSeries_ForecastsAfterItsLastRow_AndRefusesAnotherInterval()
    {
        using var temp = new TempFolder();
        string data = WriteSeries(temp, 1_500), run = temp.File("run");
        var trained = LstmRunner.Run(Train(data, run, "--epochs", "1"));
        Assert.True(trained.ExitCode == 0, trained.ToString());
        string longer = WriteSeries(temp, 1_600, "longer.csv");
        var predict = LstmRunner.Run("forecast", "predict", "--model", run, "--data", longer, "--format", "tsv");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.StartsWith("1\t2020-03-07 16:00\t", predict.Output.Trim().Split('\n')[1]);

        // Another series with the same columns is continued with the training part's scaling; another interval is refused.
        string daily = temp.File("daily.csv");
        File.WriteAllLines(daily, File.ReadAllLines(data).Select((l, i) => i == 0 ? l : DailyTime(l, i - 1)));
        var refused = LstmRunner.Run("forecast", "predict", "--model", run, "--data", daily);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.True(refused.Error.Contains("sampled every 1 day; the model was trained on data sampled every 1 hour", StringComparison.Ordinal), refused.Error);
    }

    private static string DailyTime(string line, int day)
    {
        var parts = line.Split(',');
        parts[0] = new DateTime(2020, 1, 1).AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return string.Join(',', parts);
    }

    [Theory]
    [InlineData("unsorted", "line 12, column 'time': the time 2020-01-01 09:00 is earlier than 2020-01-01 10:00 on line 11")]
    [InlineData("duplicate", "line 13, column 'time': the time 2020-01-01 10:00 repeats line 12")]
    [InlineData("gap", "gap")]
    [InlineData("all-missing", "column 'temperature': all 300 values are missing")]
    [InlineData("short", "need at least")]
    public void ABadSeries_IsRefusedWithTheFileLineAndReason(string defect, string expected)
    {
        using var temp = new TempFolder();
        var lines = File.ReadAllLines(WriteSeries(temp, 300)).ToList();
        switch (defect)
        {
            case "unsorted": (lines[10], lines[11]) = (lines[11], lines[10]); break;
            case "duplicate": lines.Insert(12, lines[11]); break;
            case "gap": lines.RemoveAt(20); break;
            case "all-missing": lines = [.. lines.Select((l, i) => i == 0 ? l : string.Join(',', l.Split(',').Select((v, c) => c == 2 ? "NA" : v)))]; break;
            case "short": lines = lines[..20]; break;
        }
        string data = temp.File("bad.csv");
        File.WriteAllLines(data, lines);
        var result = LstmRunner.Run(Train(data, temp.File("run")));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("bad.csv", result.Error);
        Assert.True(result.Error.Contains(expected, StringComparison.OrdinalIgnoreCase), result.Error);
        Assert.False(File.Exists(Path.Combine(temp.File("run"), "forecast.json")));
    }

    [SkippableFact]
    public void RealTemperatures_NextDay_BeatTheNaiveAndSeasonalNaiveForecasts()
    {
        string data = SharedSeries.FindOrSkip("daily-min-temperatures.csv");
        using var temp = new TempFolder();
        string run = temp.File("temp");
        var result = LstmRunner.Run("forecast", "train", "--data", data, "--time-column", "Date", "--target", "Temp", "--window", "30",
            "--fill-gaps", "--missing", "ffill", "--epochs", "15", "--out", run);
        Assert.True(result.ExitCode == 0, result.ToString());
        var run2 = ForecastRunFile.Load(run);
        Assert.True(run2.Test.SkillVsNaive > 0, result.Output);
        Assert.True(run2.Test.SkillVsSeasonalNaive > 0, result.Output);
        Assert.Equal("1d", run2.Interval);
        Assert.Equal(365, run2.SeasonSteps);
    }

    [SkippableFact]
    public void RealPollution_NextHour_BeatsTheNaiveForecast()
    {
        string data = SharedSeries.FindOrSkip("pollution.csv");
        using var temp = new TempFolder();
        string run = temp.File("pm");
        var result = LstmRunner.Run("forecast", "train", "--data", data, "--time-column", "year,month,day,hour", "--target", "pm2.5",
            "--features", "DEWP,TEMP,PRES,cbwd,Iws,Is,Ir", "--window", "24", "--missing", "ffill", "--units", "32", "--epochs", "12", "--out", run);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("cbwd=NE, cbwd=NW, cbwd=SE, cbwd=cv", result.Output);
        var file = ForecastRunFile.Load(run);
        Assert.True(file.Test.SkillVsNaive > 0, result.Output);
        Assert.Equal(24, file.SeasonSteps);
    }
}
