using Lstm.Cli.Data;
using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Cli.Runs;

/// <summary>
/// Reads a trained network from the folder <c>lstm train</c> wrote: <c>model.lstm</c> or <c>checkpoint.lstmckpt</c>,
/// with the <c>vocabulary.json</c> and <c>training.json</c> beside it, checking that the files agree.
/// </summary>
internal static class RunFolderReader
{
    /// <summary>Reads the run folder <paramref name="path"/> (or the folder of a <c>model.lstm</c> given directly).</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="FileNotFoundException">A file of the run is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, or the files disagree.</exception>
    public static TrainedModel Read(string path)
    {
        string directory = Path.GetFullPath(path);
        if (File.Exists(directory)) directory = Path.GetDirectoryName(directory)!;
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"--model: no folder at {directory}; expected the --out folder of 'lstm train' or an .onnx file.");
        const string why = "expected the folder written by 'lstm train'";
        string modelPath = Require(directory, RunDirectory.ModelFile, $"--model {directory}", why);
        return Assemble(directory, directory, "run folder", $"--model {directory}", why, modelPath, SequenceNetwork.Load(modelPath));
    }

    /// <summary>Reads the network saved in the checkpoint <paramref name="path"/> (the weights after its last finished epoch).</summary>
    /// <param name="path">The checkpoint file.</param>
    /// <param name="option">The option that named it, for messages: <c>--checkpoint</c> or <c>--model</c>.</param>
    /// <exception cref="FileNotFoundException">The checkpoint, or the vocabulary or manifest beside it, is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, or the files disagree.</exception>
    public static TrainedModel ReadCheckpoint(string path, string option = "--checkpoint")
    {
        string checkpoint = Path.GetFullPath(path);
        if (!File.Exists(checkpoint)) throw new FileNotFoundException($"{option}: no checkpoint at {checkpoint}.", checkpoint);
        string directory = Path.GetDirectoryName(checkpoint)!;
        var trainer = Trainer.Resume(checkpoint);
        int epochs = trainer.History.Epochs.Count;
        return Assemble(directory, checkpoint, $"checkpoint after epoch {epochs}", $"{option} {checkpoint}",
            "the checkpoint must stay in the folder 'lstm train' wrote", checkpoint, trainer.Network);
    }

    private static TrainedModel Assemble(string directory, string source, string kind, string what, string why, string networkPath, SequenceNetwork network)
    {
        string vocabularyPath = Require(directory, RunDirectory.VocabularyFile, what, why);
        string manifestPath = Require(directory, RunDirectory.ManifestFile, what, why);
        var manifest = TrainingManifest.Load(manifestPath);
        var vocabulary = Vocabulary.Load(vocabularyPath);
        var spec = network.Spec;
        if (vocabulary.NumWords != spec.VocabularySize)
            throw new InvalidDataException(
                $"{vocabularyPath}: numWords is {vocabulary.NumWords} but {networkPath} has an embedding of {spec.VocabularySize} rows; the files come from different runs.");
        if (network.VocabularyHash is { } hash && hash != vocabulary.ContentHash)
            throw new InvalidDataException($"{vocabularyPath}: not the vocabulary {networkPath} was trained with (it was changed, or the files come from different runs).");
        if (manifest.Network is { } recorded && !recorded.Equals(spec))
            throw new InvalidDataException($"{manifestPath}: describes the network {recorded} but {networkPath} holds {spec}; the files come from different runs.");
        var config = network.Classifier?.Config ?? manifest.Model;
        if (manifest.Model.VocabularySize != config.VocabularySize || manifest.Model.Units != config.Units || manifest.Model.EmbeddingDim != config.EmbeddingDim)
            throw new InvalidDataException(
                $"{manifestPath}: describes a model of vocabulary {manifest.Model.VocabularySize}, embedding {manifest.Model.EmbeddingDim}, units {manifest.Model.Units} "
                + $"but {networkPath} has {config.VocabularySize}, {config.EmbeddingDim}, {config.Units}; the files come from different runs.");
        var preprocessing = manifest.Preprocessing;
        if (preprocessing.MaxLen < 1)
            throw new InvalidDataException($"{manifestPath}: preprocessing.maxLen must be at least 1, found {preprocessing.MaxLen}.");
        var padding = new SequencePadding(preprocessing.MaxLen,
            SequencePadding.Parse(preprocessing.Padding, manifestPath), SequencePadding.Parse(preprocessing.Truncating, manifestPath));
        return new TrainedModel(source, directory, kind, network, vocabulary, padding, manifest.Training.Seed, manifest.Data.ToColumns(), manifest.Data.Label);
    }

    private static string Require(string directory, string file, string what, string why)
    {
        string path = Path.Combine(directory, file);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{what}: {file} is missing; {why}.", path);
        return path;
    }
}
