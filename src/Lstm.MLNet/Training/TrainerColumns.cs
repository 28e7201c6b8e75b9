using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Training;

/// <summary>The schema-shape check every Lstm.MLNet trainer's <c>GetOutputSchema</c> makes: text, label and weight columns.</summary>
internal static class TrainerColumns
{
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    public static void Require(SchemaShape inputSchema, LstmTrainerOptionsBase options, LabelColumn label)
    {
        InputColumns.Require(inputSchema, "text", options.TextColumnName, TextDataViewType.Instance);
        label.Require(inputSchema);
        if (options.ExampleWeightColumnName is { } weight)
            InputColumns.Require(inputSchema, "example weight", weight, NumberDataViewType.Single);
    }
}
