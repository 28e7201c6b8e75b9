using Lstm.Training.Layers;
using Lstm.Training.Text;

namespace Lstm.Cli.Runs;

/// <summary>A run folder loaded for use: the network, its vocabulary and the manifest that says how to preprocess.</summary>
/// <param name="Directory">Full path of the run folder.</param>
/// <param name="Classifier">The network from <c>model.lstm</c>.</param>
/// <param name="Vocabulary">The vocabulary from <c>vocabulary.json</c>.</param>
/// <param name="Manifest">The settings from <c>training.json</c>.</param>
internal sealed record TrainedModel(string Directory, LstmClassifier Classifier, Vocabulary Vocabulary, TrainingManifest Manifest)
{
    /// <summary>Padded length the network was trained with.</summary>
    public int MaxLen => Manifest.Preprocessing.MaxLen;

    /// <summary>
    /// Loads the run folder <paramref name="path"/> (or the folder of a <c>model.lstm</c> file given directly) and
    /// checks that its three files agree.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="FileNotFoundException">A file of the run is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, or the files disagree.</exception>
    public static TrainedModel Load(string path)
    {
        string directory = Path.GetFullPath(path);
        if (File.Exists(directory)) directory = Path.GetDirectoryName(directory)!;
        if (!System.IO.Directory.Exists(directory))
            throw new DirectoryNotFoundException($"--model: no folder at {directory}; expected the --out folder of 'lstm train'.");
        string modelPath = Require(directory, RunDirectory.ModelFile);
        string vocabularyPath = Require(directory, RunDirectory.VocabularyFile);
        string manifestPath = Require(directory, RunDirectory.ManifestFile);

        var manifest = TrainingManifest.Load(manifestPath);
        var classifier = LstmClassifier.Load(modelPath);
        var vocabulary = Vocabulary.Load(vocabularyPath);
        if (vocabulary.NumWords != classifier.Config.VocabularySize)
            throw new InvalidDataException(
                $"{vocabularyPath}: numWords is {vocabulary.NumWords} but {modelPath} has an embedding of {classifier.Config.VocabularySize} rows; the files come from different runs.");
        if (manifest.Model.VocabularySize != classifier.Config.VocabularySize || manifest.Model.Units != classifier.Config.Units
            || manifest.Model.EmbeddingDim != classifier.Config.EmbeddingDim)
            throw new InvalidDataException(
                $"{manifestPath}: describes a model of vocabulary {manifest.Model.VocabularySize}, embedding {manifest.Model.EmbeddingDim}, units {manifest.Model.Units} "
                + $"but {modelPath} has {classifier.Config.VocabularySize}, {classifier.Config.EmbeddingDim}, {classifier.Config.Units}; the files come from different runs.");
        if (manifest.Preprocessing.MaxLen < 1)
            throw new InvalidDataException($"{manifestPath}: preprocessing.maxLen must be at least 1, found {manifest.Preprocessing.MaxLen}.");
        return new TrainedModel(directory, classifier, vocabulary, manifest);
    }

    private static string Require(string directory, string file)
    {
        string path = Path.Combine(directory, file);
        if (!File.Exists(path))
            throw new FileNotFoundException($"--model {directory}: {file} is missing; expected the folder written by 'lstm train'.", path);
        return path;
    }
}
