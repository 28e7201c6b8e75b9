using Microsoft.ML;

namespace Lstm.MLNet;

/// <summary>
/// Catalog entry points: <c>mlContext.BinaryClassification.Trainers.Lstm(…)</c>,
/// <c>mlContext.MulticlassClassification.Trainers.Lstm(…)</c> and <c>mlContext.Regression.Trainers.Lstm(…)</c> train a
/// model; <c>mlContext.Transforms.ApplyLstmModel(…)</c> scores with an ONNX model this library exported, adding the
/// columns of the task the file records.
/// </summary>
public static class LstmCatalog
{
    /// <summary>An <see cref="LstmTrainer"/> with all of <paramref name="options"/>' settings.</summary>
    /// <param name="catalog">The binary-classification trainers catalog.</param>
    /// <param name="options">Columns, network shape, training and validation settings; see <see cref="LstmTrainer.Options"/> for the defaults.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public static LstmTrainer Lstm(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, LstmTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new LstmTrainer(options);
    }

    /// <summary>An <see cref="LstmTrainer"/> with the seed program's hyperparameters (see <see cref="LstmTrainer.Options"/>).</summary>
    /// <param name="catalog">The binary-classification trainers catalog.</param>
    /// <param name="labelColumnName">The Boolean label column. Default "Label".</param>
    /// <param name="textColumnName">The String text column. Default "Text".</param>
    /// <param name="exampleWeightColumnName">A Single column of example weights; null for none. Default null.</param>
    public static LstmTrainer Lstm(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = "Label", string textColumnName = "Text", string? exampleWeightColumnName = null) =>
        catalog.Lstm(new LstmTrainer.Options { LabelColumnName = labelColumnName, TextColumnName = textColumnName, ExampleWeightColumnName = exampleWeightColumnName });

    /// <summary>An <see cref="LstmMulticlassTrainer"/> with all of <paramref name="options"/>' settings.</summary>
    /// <param name="catalog">The multi-class classification trainers catalog.</param>
    /// <param name="options">Columns, network shape, training and validation settings; see <see cref="LstmMulticlassTrainer.Options"/> for the defaults.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public static LstmMulticlassTrainer Lstm(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, LstmMulticlassTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new LstmMulticlassTrainer(options);
    }

    /// <summary>An <see cref="LstmMulticlassTrainer"/> with the seed program's hyperparameters (see <see cref="LstmMulticlassTrainer.Options"/>).</summary>
    /// <param name="catalog">The multi-class classification trainers catalog.</param>
    /// <param name="labelColumnName">The label column, a key type (e.g. from <c>MapValueToKey</c>). Default "Label".</param>
    /// <param name="textColumnName">The String text column. Default "Text".</param>
    /// <param name="exampleWeightColumnName">A Single column of example weights; null for none. Default null.</param>
    public static LstmMulticlassTrainer Lstm(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string textColumnName = "Text", string? exampleWeightColumnName = null) =>
        catalog.Lstm(new LstmMulticlassTrainer.Options { LabelColumnName = labelColumnName, TextColumnName = textColumnName, ExampleWeightColumnName = exampleWeightColumnName });

    /// <summary>An <see cref="LstmRegressionTrainer"/> with all of <paramref name="options"/>' settings.</summary>
    /// <param name="catalog">The regression trainers catalog.</param>
    /// <param name="options">Columns, network shape, training and validation settings; see <see cref="LstmRegressionTrainer.Options"/> for the defaults.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public static LstmRegressionTrainer Lstm(this RegressionCatalog.RegressionTrainers catalog, LstmRegressionTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new LstmRegressionTrainer(options);
    }

    /// <summary>An <see cref="LstmRegressionTrainer"/> with the seed program's hyperparameters (see <see cref="LstmRegressionTrainer.Options"/>).</summary>
    /// <param name="catalog">The regression trainers catalog.</param>
    /// <param name="labelColumnName">The label column: Single, or a known-size Vector&lt;Single&gt; for several outputs. Default "Label".</param>
    /// <param name="textColumnName">The String text column. Default "Text".</param>
    /// <param name="exampleWeightColumnName">A Single column of example weights; null for none. Default null.</param>
    public static LstmRegressionTrainer Lstm(this RegressionCatalog.RegressionTrainers catalog,
        string labelColumnName = "Label", string textColumnName = "Text", string? exampleWeightColumnName = null) =>
        catalog.Lstm(new LstmRegressionTrainer.Options { LabelColumnName = labelColumnName, TextColumnName = textColumnName, ExampleWeightColumnName = exampleWeightColumnName });

    /// <summary>
    /// Scores the text column with the ONNX model file <paramref name="modelFile"/>, written by Lstm.MLNet's exporter
    /// (text variant); the file's metadata gives the task and so the columns added (see <see cref="LstmTransformer"/>).
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="modelFile">Path of the .onnx file, or of a model folder holding <c>model.onnx</c> (or <c>model.ids.onnx</c>), such as a run folder of <c>lstm train</c>; read once, now.</param>
    /// <param name="inputColumnName">The String column holding the text. Default "Text".</param>
    /// <param name="unknownTokenShareColumnName">
    /// When set, the name of an added Single column with the share of each text's tokens that are not in the model's
    /// vocabulary (0 to 1; 0 for a text without tokens; see <see cref="LstmTransformer.UnknownTokenShareColumnName"/>):
    /// near 1, the text is unlike the training texts (e.g. another language) and its score is not meaningful. A
    /// transformer with this column cannot be saved with <c>MLContext.Model.Save</c>. Default null (no column; scoring
    /// unchanged).
    /// </param>
    /// <exception cref="FileNotFoundException">The file does not exist, or the folder holds no model file (the message names what was looked for).</exception>
    /// <exception cref="ArgumentException"><paramref name="unknownTokenShareColumnName"/> is blank or names a column the model adds (Score, Probability, PredictedLabel).</exception>
    /// <exception cref="InvalidDataException">The file is not an ONNX model written by Lstm.MLNet, or is the ids variant of a words model (the text variant scores raw text); the message says why.</exception>
    public static LstmScoringEstimator ApplyLstmModel(this TransformsCatalog catalog, string modelFile, string inputColumnName = "Text", string? unknownTokenShareColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new LstmScoringEstimator(LstmOnnxModel.FromFile(modelFile), inputColumnName, unknownTokenShareColumnName);
    }

    /// <summary>Scores the text column with the ONNX model read from <paramref name="modelStream"/> (to its end; left open).</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="modelStream">The serialized model, written by Lstm.MLNet's exporter (text variant).</param>
    /// <param name="inputColumnName">The String column holding the text. Default "Text".</param>
    /// <param name="unknownTokenShareColumnName">
    /// When set, the name of an added Single column with the share of each text's tokens that are not in the model's
    /// vocabulary (0 to 1; 0 for a text without tokens; see <see cref="LstmTransformer.UnknownTokenShareColumnName"/>):
    /// near 1, the text is unlike the training texts (e.g. another language) and its score is not meaningful. A
    /// transformer with this column cannot be saved with <c>MLContext.Model.Save</c>. Default null (no column; scoring
    /// unchanged).
    /// </param>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model written by Lstm.MLNet, or are the ids variant of a words model.</exception>
    public static LstmScoringEstimator ApplyLstmModel(this TransformsCatalog catalog, Stream modelStream, string inputColumnName = "Text", string? unknownTokenShareColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new LstmScoringEstimator(LstmOnnxModel.FromStream(modelStream), inputColumnName, unknownTokenShareColumnName);
    }

    /// <summary>Scores the text column with the ONNX model <paramref name="model"/> (copied).</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="model">The serialized model, written by Lstm.MLNet's exporter (text variant).</param>
    /// <param name="inputColumnName">The String column holding the text. Default "Text".</param>
    /// <param name="unknownTokenShareColumnName">
    /// When set, the name of an added Single column with the share of each text's tokens that are not in the model's
    /// vocabulary (0 to 1; 0 for a text without tokens; see <see cref="LstmTransformer.UnknownTokenShareColumnName"/>):
    /// near 1, the text is unlike the training texts (e.g. another language) and its score is not meaningful. A
    /// transformer with this column cannot be saved with <c>MLContext.Model.Save</c>. Default null (no column; scoring
    /// unchanged).
    /// </param>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model written by Lstm.MLNet, or are the ids variant of a words model.</exception>
    public static LstmScoringEstimator ApplyLstmModel(this TransformsCatalog catalog, byte[] model, string inputColumnName = "Text", string? unknownTokenShareColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);
        return new LstmScoringEstimator(LstmOnnxModel.FromBytes((byte[])model.Clone()), inputColumnName, unknownTokenShareColumnName);
    }
}
