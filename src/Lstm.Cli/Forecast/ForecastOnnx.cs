using System.Xml;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.TimeSeries;

namespace Lstm.Cli.Forecast;

/// <summary>Writes a forecast run's <c>model.onnx</c>: the numeric network with its scaling inside the graph (see docs/onnx-forecast.md).</summary>
internal static class ForecastOnnx
{
    /// <summary>Exports <paramref name="network"/> with <paramref name="preprocessing"/>'s scaling and feature names to <paramref name="path"/>, atomically.</summary>
    public static void Write(SequenceNetwork network, SeriesPreprocessing preprocessing, string target, string path)
    {
        var scaler = preprocessing.Scaler;
        int features = preprocessing.FeatureCount;
        // The graph standardises every input feature; one-hot and was-missing features are left as they are (mean 0, std 1),
        // exactly as the trainer saw them.
        var mean = new float[features];
        var std = new float[features];
        Array.Fill(std, 1f);
        var names = preprocessing.FeatureNames;
        foreach (var column in scaler.Columns)
        {
            int index = IndexOf(names, column.Name);
            if (index < 0) continue;
            mean[index] = (float)column.Mean;
            std[index] = (float)column.StandardDeviation;
        }
        var options = new SeriesExportOptions
        {
            FeatureNames = names,
            TargetName = target,
            WindowLength = preprocessing.WindowLength,
            SamplingInterval = XmlConvert.ToString(preprocessing.Interval),
            InputMean = mean,
            InputStd = std,
            TargetMean = (float)scaler.Columns[0].Mean,
            TargetStd = (float)scaler.Columns[0].StandardDeviation,
            Preprocessing = preprocessing.ToJson(),
        };
        OnnxExporter.ExportSeriesToFile(network, options, path);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        return -1;
    }
}
