using System.ComponentModel;
using Lstm.Training.Text;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Lstm.MLNet.Saving;

/// <summary>
/// The stateless first step of a saved Lstm.MLNet model: <see cref="TextNormalizer"/> as an ML.NET
/// <c>CustomMapping</c>, from the column <see cref="RawTextColumn"/> to the ONNX graph's input column <c>text</c>.
/// A model zip stores only <see cref="ContractName"/> and this assembly's name; <c>MLContext.Model.Load</c> finds
/// this factory by that name, so the loading application must ship Lstm.MLNet.dll.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TextNormalizationMapping : CustomMappingFactory<TextNormalizationMapping.RawText, TextNormalizationMapping.NormalizedText>
{
    /// <summary>
    /// Contract name saved in model zips; it names the normalisation rule and its version
    /// (<see cref="TextNormalizer.Name"/>, <see cref="TextNormalizer.Version"/>), and changes with them.
    /// </summary>
    public const string ContractName = "Lstm.MLNet.Normalize." + TextNormalizer.Name + ".v1";

    /// <summary>The column the mapping reads: a copy of the user's text column, made by the step before.</summary>
    public const string RawTextColumn = "Lstm.MLNet.RawText";

    /// <summary>Normalises <paramref name="input"/>'s text into <paramref name="output"/>.</summary>
    public static void Map(RawText input, NormalizedText output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.Text = TextNormalizer.Normalize(input.Text ?? string.Empty);
    }

    /// <inheritdoc />
    public override Action<RawText, NormalizedText> GetMapping() => Map;

    /// <summary>Input row: the raw review text.</summary>
    public sealed class RawText
    {
        /// <summary>The text as the user's column holds it.</summary>
        [ColumnName(RawTextColumn)]
        public string? Text { get; set; }
    }

    /// <summary>Output row: the normalised text, in the column the ONNX graph reads.</summary>
    public sealed class NormalizedText
    {
        /// <summary>Lower-case words separated by single spaces.</summary>
        [ColumnName(LstmOnnxModel.TextInput)]
        public string Text { get; set; } = string.Empty;
    }
}
