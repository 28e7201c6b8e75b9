using Lstm.Training.Onnx;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests.Forecasting;

/// <summary>
/// Transform's forecasts equal ONNX Runtime run directly on the same raw windows and the trainer's own network
/// (<c>SequenceNetwork.PredictOutputs</c> on the standardised windows, un-scaled), within 1e-5 relative; rows without a
/// complete window get NaN; the engine's Predict/Update gives Transform's forecast at the same rows.
/// </summary>
public sealed class ForecastAgreementTests(SyntheticForecaster fixture, ITestOutputHelper output) : IClassFixture<SyntheticForecaster>
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void Transform_EqualsOnnxRuntimeAndTheTrainersNetwork_AndIsNaNWithoutAFullWindow()
    {
        var model = fixture.Model;
        var transformed = model.Transform(fixture.Data);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, SyntheticForecaster.Horizon), transformed.Schema["Forecast"].Type);
        var forecasts = transformed.GetColumn<float[]>("Forecast").ToArray();
        Assert.Equal(fixture.Rows.Length, forecasts.Length);
        var ends = Enumerable.Range(0, fixture.Rows.Length).Where(fixture.HasWindow).ToArray();
        foreach (int i in Enumerable.Range(0, fixture.Rows.Length).Except(ends))
            Assert.All(forecasts[i], v => Assert.True(float.IsNaN(v), $"row {i} has no complete window but got a forecast"));
        Assert.Equal(fixture.Rows.Length - (SyntheticForecaster.Window - 1) - 2 * SyntheticForecaster.Window, ends.Length);

        int w = SyntheticForecaster.Window, f = 2, h = SyntheticForecaster.Horizon;
        float[] raw = [.. ends.SelectMany(fixture.RawWindow)];
        using var session = new InferenceSession(model.GetOnnxModel());
        using var input = OrtValue.CreateTensorValueFromMemory(raw, [ends.Length, w, f]);
        using var results = session.Run(new RunOptions(), ["input"], [input], ["value"]);
        float[] direct = results[0].GetTensorDataAsSpan<float>().ToArray();

        var meta = model.Metadata;
        var network = OnnxSeriesImporter.Import(model.GetOnnxModel()).Network;
        var scaled = ends.Select(e => fixture.RawWindow(e).Select((v, j) => (v - meta.InputMean![j % f]) / meta.InputStd![j % f]).ToArray()).ToArray();
        float[] trainer = network.PredictOutputs(scaled);

        double worstDirect = 0, worstTrainer = 0;
        for (int n = 0; n < ends.Length; n++)
        {
            for (int k = 0; k < h; k++)
            {
                float actual = forecasts[ends[n]][k];
                double unscaled = trainer[n * h + k] * (double)meta.TargetStd + meta.TargetMean;
                worstDirect = Math.Max(worstDirect, Relative(actual, direct[n * h + k]));
                worstTrainer = Math.Max(worstTrainer, Relative(actual, unscaled));
            }
        }
        output.WriteLine($"{ends.Length} windows: largest relative difference to ONNX Runtime {worstDirect:E2}, to PredictOutputs {worstTrainer:E2}");
        Assert.True(worstDirect <= Tolerance, $"Transform differs from ONNX Runtime by {worstDirect:E2} relative.");
        Assert.True(worstTrainer <= Tolerance, $"Transform differs from the trainer's network by {worstTrainer:E2} relative.");
    }

    [Fact]
    public void Engine_PredictAndUpdate_EqualTransform_AtTheSameRows()
    {
        var model = fixture.Model;
        var forecasts = model.Transform(fixture.Data).GetColumn<float[]>("Forecast").ToArray();
        const int start = 250; // crosses the missing value at row 300 and the missing feature at 420
        var engine = model.CreateForecastEngine(fixture.MLContext.Data.TakeRows(fixture.Data, start));
        Assert.Equal((SyntheticForecaster.Window, SyntheticForecaster.Horizon, 1), (engine.WindowSize, engine.Horizon, engine.FeatureCount));
        AssertClose(forecasts[start - 1], engine.Predict(), start - 1);
        for (int row = start; row < 450; row++)
        {
            engine.Update(fixture.Rows[row].Value, fixture.Rows[row].Feature);
            Assert.Equal(fixture.HasWindow(row), engine.IsReady);
            AssertClose(forecasts[row], engine.Predict(), row);
        }
    }

    [Fact]
    public void TransformTwice_GivesTheSameForecasts_AndPassesTheInputColumnsThrough()
    {
        var scored = fixture.Model.Transform(fixture.Data);
        var first = scored.GetColumn<float[]>("Forecast").ToArray();
        var again = scored.GetColumn<float[]>("Forecast").ToArray();
        Assert.Equal(first.Select(Bits), again.Select(Bits));
        Assert.Equal(fixture.Rows.Select(r => r.Feature), scored.GetColumn<float>("Feature"));
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];

    private static double Relative(double actual, double expected) => Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-3);

    private static void AssertClose(float[] expected, float[] actual, int row)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            if (float.IsNaN(expected[k])) Assert.True(float.IsNaN(actual[k]), $"row {row}: the engine forecast {actual[k]} where Transform gives NaN");
            else Assert.True(Relative(actual[k], expected[k]) <= Tolerance, $"row {row}, step {k + 1}: engine {actual[k]}, Transform {expected[k]}");
        }
    }
}
