using System.ComponentModel;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Lstm.MLNet.Saving;

/// <summary>
/// The stateless last step of a saved one-output regression model: the graph's <c>value</c> output, which
/// <c>ApplyOnnxModel</c> delivers as <c>Vector&lt;Single, 1&gt;</c>, as ML.NET's scalar <c>Score</c> column, which
/// <c>Regression.Evaluate</c> reads. (A model of K &gt; 1 outputs keeps <c>Score</c> a vector: a copy of <c>value</c>.)
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RegressionScoreMapping : CustomMappingFactory<RegressionScoreMapping.OnnxValue, RegressionScoreMapping.RegressionScore>
{
    /// <summary>Contract name saved in model zips.</summary>
    public const string ContractName = "Lstm.MLNet.RegressionScore.v1";

    /// <summary>Copies the single value into a scalar column.</summary>
    public static void Map(OnnxValue input, RegressionScore output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.Score = input.Value[0];
    }

    /// <inheritdoc />
    public override Action<OnnxValue, RegressionScore> GetMapping() => Map;

    /// <summary>Input row: the graph's output for one text.</summary>
    public sealed class OnnxValue
    {
        /// <summary>The predicted value, one.</summary>
        [ColumnName(Lstm.MLNet.LstmOnnxModel.ValueOutput)]
        [VectorType(1)]
        public float[] Value { get; set; } = [0f];
    }

    /// <summary>Output row: ML.NET's regression score.</summary>
    public sealed class RegressionScore
    {
        /// <summary>The predicted value.</summary>
        public float Score { get; set; }
    }
}
