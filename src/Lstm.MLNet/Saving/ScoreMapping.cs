using System.ComponentModel;
using Lstm.MLNet.Scoring;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Lstm.MLNet.Saving;

/// <summary>
/// The stateless last step of a saved binary classifier: turns the ONNX graph's outputs <c>logit</c> and
/// <c>probability</c>, which <c>ApplyOnnxModel</c> delivers as <c>Vector&lt;Single, 1&gt;</c>, into ML.NET's scalar
/// binary-classification columns Score, Probability and PredictedLabel (Score &gt; 0).
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ScoreMapping : CustomMappingFactory<ScoreMapping.OnnxOutputs, ScoreMapping.BinaryScores>
{
    /// <summary>Contract name saved in model zips.</summary>
    public const string ContractName = "Lstm.MLNet.BinaryScores.v1";

    /// <summary>Copies the single logit and probability into scalar columns.</summary>
    public static void Map(OnnxOutputs input, BinaryScores output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.Score = input.Logit[0];
        output.Probability = input.Probability[0];
        output.PredictedLabel = BinaryOutputColumns.PredictLabel(output.Score);
    }

    /// <inheritdoc />
    public override Action<OnnxOutputs, BinaryScores> GetMapping() => Map;

    /// <summary>Input row: the graph's two outputs for one review.</summary>
    public sealed class OnnxOutputs
    {
        /// <summary>The logit, one value.</summary>
        [ColumnName(LstmOnnxModel.LogitOutput)]
        [VectorType(1)]
        public float[] Logit { get; set; } = [0f];

        /// <summary>The probability of the positive class, one value.</summary>
        [ColumnName(LstmOnnxModel.ProbabilityOutput)]
        [VectorType(1)]
        public float[] Probability { get; set; } = [0f];
    }

    /// <summary>Output row: ML.NET's binary-classification columns.</summary>
    public sealed class BinaryScores
    {
        /// <summary>The logit.</summary>
        public float Score { get; set; }

        /// <summary>The probability of the positive class.</summary>
        public float Probability { get; set; }

        /// <summary>Score &gt; 0.</summary>
        public bool PredictedLabel { get; set; }
    }
}
