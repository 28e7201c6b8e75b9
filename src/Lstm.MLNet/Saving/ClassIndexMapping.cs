using System.ComponentModel;
using Lstm.MLNet.Scoring;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Lstm.MLNet.Saving;

/// <summary>
/// A stateless step of a saved multi-class classifier: the index of the most probable class (the first of equal ones,
/// as <see cref="LstmTransformer"/> picks it) from the graph's <c>probability</c> output. It reads a vector of any
/// size, so one compiled mapping serves every number of classes; the class names, which are per model, are added by
/// ML.NET's own <c>MapValue</c> and <c>MapValueToKey</c>, which store them in the zip.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClassIndexMapping : CustomMappingFactory<ClassIndexMapping.ClassProbabilities, ClassIndexMapping.ClassIndex>
{
    /// <summary>Contract name saved in model zips.</summary>
    public const string ContractName = "Lstm.MLNet.ClassIndex.v1";

    /// <summary>The column the mapping writes: the predicted class's index, 0 … K−1.</summary>
    public const string IndexColumn = "Lstm.MLNet.ClassIndex";

    /// <summary>Writes the index of the most probable class.</summary>
    public static void Map(ClassProbabilities input, ClassIndex output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.Index = (uint)MulticlassOutputColumns.PredictClass(input.Probabilities);
    }

    /// <inheritdoc />
    public override Action<ClassProbabilities, ClassIndex> GetMapping() => Map;

    /// <summary>Input row: the graph's class probabilities for one text.</summary>
    public sealed class ClassProbabilities
    {
        /// <summary>One probability per class.</summary>
        [ColumnName(Lstm.MLNet.LstmOnnxModel.ProbabilityOutput)]
        [VectorType]
        public float[] Probabilities { get; set; } = [];
    }

    /// <summary>Output row: the predicted class's index.</summary>
    public sealed class ClassIndex
    {
        /// <summary>0 … K−1.</summary>
        [ColumnName(IndexColumn)]
        public uint Index { get; set; }
    }
}
