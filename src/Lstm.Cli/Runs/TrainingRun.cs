using System.Diagnostics;
using System.Globalization;
using Lstm.Cli.Commands;
using Lstm.Cli.Data;
using Lstm.Cli.Progress;
using Lstm.Training.Data;
using Lstm.Training.Embeddings;
using Lstm.Training.Kernels;
using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Cli.Runs;

/// <summary>
/// What <c>lstm train</c> does: load reviews → labels for the task → <see cref="TextModelTrainer.Prepare"/> (the
/// vocabulary from the training texts, encode and pad, the network) → train with <see cref="Trainer"/> (or continue a
/// checkpoint) → write the run folder. Ctrl+C stops between batches;
/// the checkpoint of the last finished epoch stays in the folder and the way to resume is printed.
/// </summary>
internal static class TrainingRun
{
    /// <summary>Runs the training described by <paramref name="requested"/>; returns the exit code.</summary>
    /// <param name="requested">The settings from the command line.</param>
    /// <param name="explicitOptions">Options written on the command line, to warn about those <c>--resume</c> ignores.</param>
    /// <param name="environment">Output, cancellation and download seams.</param>
    public static int Execute(TrainSettings requested, IReadOnlySet<string> explicitOptions, CommandEnvironment environment)
    {
        var total = Stopwatch.StartNew();
        var started = DateTimeOffset.Now;
        var output = environment.Output;
        var ct = environment.CancellationToken;

        if (requested.PretrainTextsPath is not null && !requested.PretrainEmbedding)
            throw new ArgumentException("--pretrain-texts gives word2vec more texts to learn from; it needs --pretrain-embedding.");
        if (requested.PretrainEmbedding && requested.EmbeddingVectorsPath is not null)
            throw new ArgumentException("--pretrain-embedding learns the embedding's starting vectors and --embedding-vectors reads them from a file; give one of them.");
        if (requested.InitFrom is not null && (requested.PretrainEmbedding || requested.EmbeddingVectorsPath is not null))
            throw new ArgumentException($"{(requested.PretrainEmbedding ? "--pretrain-embedding" : "--embedding-vectors")} sets the starting vectors of a new network, but --init-from starts from a trained model's; leave one out.");
        if (requested.InitFrom is not null && requested.Resume is not null)
            throw new ArgumentException("--init-from cannot be combined with --resume: --resume continues a run with its own weights, --init-from starts a new run from a model.");
        // Checked before the data is loaded, so that a refused --out costs nothing.
        if (requested.Resume is null && requested.OutDirectory is { } explicitOut)
        {
            string full = Path.GetFullPath(explicitOut);
            if (requested.InitFrom is { } init && (OutputGuard.Same(full, init) || (File.Exists(init) && OutputGuard.Same(full, Path.GetDirectoryName(Path.GetFullPath(init))!))))
                throw new ArgumentException($"--out {full} is the folder of the model given to --init-from; write the new run to another folder.");
            OutputGuard.PrepareRunFolder(full, requested.Overwrite, [requested.DataPath, requested.ValidationPath, requested.InitFrom]);
        }

        // Resuming: settings, vocabulary and data come from the checkpoint's run folder.
        TrainSettings settings = requested;
        Vocabulary? vocabulary = null;
        string? resumeFrom = null;
        if (requested.Resume is { } resume)
        {
            resumeFrom = Path.GetFullPath(resume);
            if (!File.Exists(resumeFrom)) throw new FileNotFoundException($"--resume: no checkpoint at {resumeFrom}.", resumeFrom);
            string folder = Path.GetDirectoryName(resumeFrom)!;
            var previous = TrainingManifest.Load(Path.Combine(folder, RunDirectory.ManifestFile));
            string vocabularyPath = Path.Combine(folder, RunDirectory.VocabularyFile);
            if (!File.Exists(vocabularyPath))
                throw new FileNotFoundException($"--resume: {vocabularyPath} is missing; the checkpoint must stay in the folder 'lstm train' wrote.", vocabularyPath);
            vocabulary = Vocabulary.Load(vocabularyPath);
            var recorded = previous.ToSettings(folder);
            settings = recorded with
            {
                Resume = resumeFrom,
                Epochs = explicitOptions.Contains("--epochs") ? requested.Epochs : previous.Training.Epochs,
                Threads = explicitOptions.Contains("--threads") ? requested.Threads : previous.Training.Threads,
                DataPath = requested.DataPath ?? recorded.DataPath,
                OutDirectory = requested.OutDirectory ?? folder,
                NoDownload = requested.NoDownload,
            };
            foreach (string ignored in explicitOptions.Where(o => !TrainCommand.ResumableOptions.Contains(o)).Order(StringComparer.Ordinal))
                environment.Error.WriteLine($"warning: {ignored} is ignored with --resume; the run's own value from {Path.Combine(folder, RunDirectory.ManifestFile)} is used.");
            output.WriteLine($"Resuming {resumeFrom}");
        }
        // The checkpoint holds the network (layers, task, class names) the resumed run continues.
        Trainer? resumed = null;

        // Starting from a trained model: its weights, vocabulary and shape; the training settings are this run's.
        TrainedModel? initial = null;
        if (requested.InitFrom is { } initFrom)
        {
            initial = TrainedModel.Load(initFrom);
            settings = InitialSettings(settings, initial, explicitOptions);
            vocabulary = initial.Vocabulary;
            output.WriteLine($"Starting from the {initial.Kind} {initial.Source}");
        }

        // Data.
        if (resumeFrom is not null && requested.DataPath is null && settings.DataPath is { } trainedOn && !Path.Exists(trainedOn))
            throw new FileNotFoundException($"--resume: the run was trained on {trainedOn}, which no longer exists; pass --data PATH with the same data.", trainedOn);
        var source = settings.DataPath is null ? DataSource.FromCache(environment, !settings.NoDownload) : DataSource.FromPath(settings.DataPath);
        if (resumeFrom is null) settings = ChooseValidation(settings, source, explicitOptions, environment.Error);
        output.WriteLine($"Loading {source.Describe(settings.Columns)}");
        var clock = Stopwatch.StartNew();
        if (settings.ImdbLabel == TrainSettings.RatingLabel && source.Kind != DataKind.Imdb)
            throw new ArgumentException("--label rating reads IMDB's ratings from its file names; for a labelled file, name the rating's column with --label-column.");
        ReviewSplits? reviews = TrainingLabels.Load(source, settings, ct);
        double loadSeconds = clock.Elapsed.TotalSeconds;
        output.WriteLine(Invariant($"Loaded {reviews.Train.Count:N0} training and {reviews.Validation.Count:N0} validation reviews in {loadSeconds:0.0}s")
            + (reviews.Validation.Count > 0 ? $" (validation: {reviews.ValidationDescription})" : " (no validation)"));

        var renderer = ProgressRenderer.Create(output, environment.OutputIsTerminal, environment.TerminalWidth, reviews.Validation.Count > 0);
        string checkpointPathForResume = "";
        if (resumeFrom is not null)
        {
            resumed = Trainer.Resume(resumeFrom, renderer.Report, null, settings.Epochs, settings.Threads);
            checkpointPathForResume = resumeFrom;
        }
        var labels = TrainingLabels.ForTask(reviews, settings, initial?.Network.Spec ?? resumed?.Network.Spec);
        string taskReason = labels.Reason;
        output.WriteLine($"Task: {taskReason}");
        if (settings.EarlyStoppingPatience > 0 && reviews.Validation.Count == 0)
            throw new ArgumentException("--early-stopping-patience watches val_loss, but there are no validation reviews; give --validation PATH or a --validation-split above 0.");
        if (settings.ReduceLearningRatePatience > 0 && reviews.Validation.Count == 0)
            throw new ArgumentException("--reduce-lr-patience watches val_loss, but there are no validation reviews; give --validation PATH or a --validation-split above 0.");

        // Preprocessing: the vocabulary comes from the training texts only (or from the model trained on).
        clock.Restart();
        var padding = initial is null ? SequencePadding.Keras(settings.MaxLen) : initial.Padding with { MaxLen = settings.MaxLen };
        var pretrained = resumeFrom is null && initial is null ? PretrainedEmbeddingFor(settings, output, ct) : null;
        var modelTrainer = new TextModelTrainer(settings.ModelOptions with
        {
            Warning = message => environment.Error.WriteLine($"warning: {message}"),
            Info = output.WriteLine,
            PretrainedEmbedding = pretrained,
        });
        TextModel? startFrom = initial is not null
            ? new TextModel(new TextVectorizer(initial.Vocabulary, settings.MaxLen, padding.Padding, padding.Truncating), initial.Network)
            : resumed is not null ? new TextModel(new TextVectorizer(vocabulary!, settings.MaxLen, padding.Padding, padding.Truncating), resumed.Network) : null;
        var prepared = modelTrainer.Prepare(labels.Train, labels.Validation, startFrom, ct);
        if (resumed is not null && !prepared.Spec.Equals(resumed.Network.Spec))
            throw new InvalidDataException($"{resumeFrom}: the checkpoint's network ({resumed.Network.Spec}) is not the one this run's settings describe ({prepared.Spec}).");
        vocabulary = prepared.Vectorizer.Vocabulary;
        var train = prepared.Train;
        var validation = prepared.Validation;
        string validationDescription = reviews.ValidationDescription;
        var test = labels.Test;
        string? testDescription = reviews.TestDescription;
        labels = null;
        reviews = null;
        // The texts are garbage now, and training allocates almost nothing, so no collection would come to reclaim them.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        double preprocessSeconds = clock.Elapsed.TotalSeconds;
        output.WriteLine(vocabulary.IsSubword
            ? Invariant($"Vocabulary: {vocabulary.Words.Count:N0} subword pieces of {vocabulary.Tokenizer} (ids below {vocabulary.NumWords:N0}); reviews padded/truncated at the front to {settings.MaxLen} ids in {preprocessSeconds:0.0}s")
            : Invariant($"Vocabulary: {vocabulary.Words.Count:N0} words (ids below {vocabulary.NumWords:N0}); reviews padded/truncated at the front to {settings.MaxLen} ids in {preprocessSeconds:0.0}s"));

        // Output folder and trainer.
        string outDirectory = Path.GetFullPath(settings.OutDirectory
            ?? RunDirectory.DefaultPath(source.Kind == DataKind.Imdb ? "imdb" : Path.GetFileNameWithoutExtension(source.Path), started));
        if (initial is not null && string.Equals(Path.TrimEndingDirectorySeparator(outDirectory), Path.TrimEndingDirectorySeparator(Path.GetFullPath(initial.Folder)),
                OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"--out {outDirectory} is the folder of the model given to --init-from; write the new run to another folder.");
        if (resumeFrom is null) OutputGuard.PrepareRunFolder(outDirectory, settings.Overwrite, [settings.DataPath, settings.ValidationPath, settings.InitFrom]);
        else if (!OutputGuard.Same(outDirectory, Path.GetDirectoryName(resumeFrom)!)) OutputGuard.PrepareRunFolder(outDirectory, settings.Overwrite, [settings.DataPath, settings.ValidationPath, resumeFrom]);
        else Lstm.Training.AtomicFile.RemoveStaleTemporaries(outDirectory);
        Directory.CreateDirectory(outDirectory);
        string checkpointPath = Path.Combine(outDirectory, RunDirectory.CheckpointFile);
        var embeddingClock = Stopwatch.StartNew();
        var newNetwork = resumeFrom is null ? modelTrainer.CreateNetwork(prepared, startFrom, ct) : null;
        double? embeddingSeconds = pretrained is null ? null : embeddingClock.Elapsed.TotalSeconds;
        var trainer = resumeFrom is null
            ? new Trainer(newNetwork!, settings.FitOptions with { Progress = renderer.Report, CheckpointPath = checkpointPath })
            : Trainer.Resume(checkpointPathForResume, renderer.Report, checkpointPath, settings.Epochs, settings.Threads);
        CheckResumedModel(trainer.Network, vocabulary, resumeFrom);
        var network = trainer.Network;
        network.VocabularyHash = vocabulary.ContentHash;

        var manifest = new TrainingManifest
        {
            Started = started,
            ResumedFrom = resumeFrom is null ? null : RunRelativePath.ToRecorded(resumeFrom, outDirectory),
            InitializedFrom = initial is null ? null : RunRelativePath.ToRecorded(initial.Source, outDirectory),
            Model = network.Spec.FirstLayerConfig(),
            Network = network.Spec,
            Preprocessing = new(TextNormalizer.Name, TextNormalizer.Version, vocabulary.NumWords, vocabulary.Words.Count, padding.MaxLen,
                SequencePadding.Format(padding.Padding), SequencePadding.Format(padding.Truncating), Vocabulary.PaddingId)
            {
                Tokenizer = vocabulary.IsSubword ? vocabulary.Tokenizer : null,
                TokenizerLibrary = vocabulary.IsSubword ? $"{SubwordTokenizer.Library} {vocabulary.TokenizerVersion}" : null,
            },
            Training = new(settings.Epochs, settings.BatchSize, settings.LearningRate, settings.Seed, settings.EarlyStoppingPatience, settings.ClipNorm, settings.Threads,
                settings.ReduceLearningRatePatience, settings.ReduceLearningRateFactor),
            // Paths relative to the run folder (cached IMDB: the file name in the cache), never this machine's absolute paths.
            Data = new(source.Kind, source.Cached ? Path.GetFileName(source.Path) : RunRelativePath.ToRecorded(source.Path, outDirectory), source.Cached,
                settings.ValidationPath is null ? null : RunRelativePath.ToRecorded(settings.ValidationPath, outDirectory),
                settings.ValidationSplit, validationDescription, settings.Limit, settings.ValidationLimit, train.Count, validation?.Count ?? 0,
                settings.LabelColumn, settings.TextColumn, source.Kind == DataKind.Imdb ? settings.ImdbLabel : null, taskReason,
                settings.ValidationFromTraining ? true : null, settings.SelectOnTest ? true : null),
            Timings = new() { DataLoadSeconds = loadSeconds, PreprocessingSeconds = preprocessSeconds, EmbeddingPretrainingSeconds = embeddingSeconds },
            PretrainedEmbedding = pretrained?.Describe(),
            Files = Files(RunDirectory.VocabularyFile, RunDirectory.ManifestFile, RunDirectory.CheckpointFile),
        };
        // Written before training, so that the checkpoint can be resumed from the first epoch on.
        vocabulary.Save(Path.Combine(outDirectory, RunDirectory.VocabularyFile));
        manifest.Save(Path.Combine(outDirectory, RunDirectory.ManifestFile));

        output.WriteLine($"Model: {Describe(network)}");
        output.WriteLine($"Kernels: {CpuKernels.Description}");
        if (CpuKernels.IsScalarFallback || !CpuKernels.HardwareFusedMultiplyAdd)
            environment.Error.WriteLine($"warning: the trainer's kernels run as {CpuKernels.Description}; expect training tens of times slower than with SIMD and FMA.");
        output.WriteLine(Invariant($"Training {trainer.Options.Epochs} epoch{(trainer.Options.Epochs == 1 ? "" : "s")}, batch size {trainer.Options.BatchSize}, seed {trainer.Options.Seed}; output in {outDirectory}"));
        if (trainer.History.Epochs.Count > 0)
            output.WriteLine($"Continuing after epoch {trainer.History.Epochs.Count} of {trainer.Options.Epochs}");

        History history;
        try
        {
            history = trainer.Fit(train, validation, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            renderer.Interrupt();
            return ReportInterruption(trainer, manifest, outDirectory, checkpointPath, total, environment);
        }
        catch (TrainingDivergedException diverged)
        {
            renderer.Interrupt();
            return ReportDivergence(trainer, manifest, diverged, outDirectory, checkpointPath, total, environment);
        }

        if (history.StoppedEarly)
        {
            if (history.RestoredEpoch is { } best) output.WriteLine($"Restoring model weights from the end of the best epoch: {best}.");
            output.WriteLine($"Epoch {history.Epochs.Count}: early stopping");
        }
        var testResult = test is null ? null : EvaluateTest(new TextModel(prepared.Vectorizer, network), test, testDescription!, settings.Selects && validation is not null, output, ct);
        var files = RunOutputWriter.WriteResults(outDirectory, network, vocabulary, padding, history);
        manifest = Finish(manifest, "completed", history, total) with
        {
            Test = testResult,
            Files = Files([.. files, RunDirectory.VocabularyFile, RunDirectory.ManifestFile, RunDirectory.CheckpointFile]),
        };
        manifest.Save(Path.Combine(outDirectory, RunDirectory.ManifestFile));
        // The Model Builder-style consumption project, as 'lstm codegen' writes it, from the files just written.
        string consumption = Path.Combine(outDirectory, Codegen.ConsumptionProjectWriter.RunSubfolder);
        var run = RunFolderReader.Read(outDirectory);
        Codegen.ConsumptionProjectWriter.Write(run, manifest, Codegen.ConsumptionProject.DefaultName(outDirectory), consumption, overwrite: true, packageSource: null);

        output.WriteLine(Invariant($"Done in {total.Elapsed.TotalSeconds:0.0}s ({manifest.Timings.ReviewsPerSecond:0.0} reviews/s while training). Wrote to {outDirectory}:"));
        output.WriteLine("  " + string.Join("  ", manifest.Files.Values) + $"  {Codegen.ConsumptionProjectWriter.RunSubfolder}/ (a C# project that consumes the model; see 'lstm codegen --help')");
        output.WriteLine($"Next: lstm evaluate --model {Quote(outDirectory)}   |   lstm predict --model {Quote(outDirectory)} \"some review\"");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Where the run validates. The seed program (IMDB, nothing selects) validates on IMDB's test split. A run that selects
    /// (early stopping, ReduceLROnPlateau) or asks for <c>--validation-split</c> validates on a stratified part of IMDB's
    /// training split and looks at the test split once, after training, unless <c>--select-on-test</c> says otherwise.
    /// </summary>
    private static TrainSettings ChooseValidation(TrainSettings settings, DataSource source, IReadOnlySet<string> explicitOptions, TextWriter error)
    {
        bool validationIsImdbTest = settings.ValidationPath is { } path
            ? DataSource.FromPath(path, "--validation").Kind == DataKind.Imdb
            : source.Kind == DataKind.Imdb;
        if (settings.SelectOnTest)
        {
            if (!validationIsImdbTest)
                throw new ArgumentException("--select-on-test lets early stopping and --reduce-lr-patience select on IMDB's test split, but this run's validation data is not IMDB; leave --select-on-test out.");
            error.WriteLine(settings.Selects
                ? "warning: --select-on-test: early stopping and the learning-rate schedule select on IMDB's test split, so the test accuracy this run reports is not an unbiased estimate of accuracy on new reviews."
                : "warning: --select-on-test has no effect: nothing in this run selects on validation results (no --early-stopping-patience or --reduce-lr-patience).");
            return settings;
        }
        if (settings.Selects && settings.ValidationPath is not null && validationIsImdbTest)
            throw new ArgumentException($"--validation {settings.ValidationPath} is IMDB's test split, and this run selects on its validation data (--early-stopping-patience, --reduce-lr-patience), "
                + "which would make the test accuracy a biased estimate. Leave --validation out to validate on a --validation-split of the training reviews (the test split is then evaluated once, after training), "
                + "or add --select-on-test to select on the test split knowingly.");
        bool carve = source.Kind == DataKind.Imdb && settings.ValidationPath is null && (settings.Selects || explicitOptions.Contains("--validation-split"));
        return settings with { ValidationFromTraining = carve };
    }

    private static PretrainedEmbedding? PretrainedEmbeddingFor(TrainSettings settings, TextWriter output, CancellationToken ct)
    {
        if (settings.PretrainEmbedding)
        {
            IReadOnlyList<string>? unlabelled = null;
            if (settings.PretrainTextsPath is { } textsPath)
            {
                var read = Stopwatch.StartNew();
                unlabelled = UnlabelledTextFile.Read(textsPath, ct);
                output.WriteLine(Invariant($"Read {unlabelled.Count:N0} unlabelled texts for word2vec from {textsPath} in {read.Elapsed.TotalSeconds:0.0}s"));
            }
            return new PretrainedEmbedding
            {
                Word2Vec = new Word2VecOptions { Epochs = settings.Word2VecEpochs, Seed = settings.Seed, Threads = settings.Word2VecThreads, Progress = new Word2VecProgressLines(output) },
                UnlabelledTexts = unlabelled,
            };
        }
        if (settings.EmbeddingVectorsPath is not { } path) return null;
        var clock = Stopwatch.StartNew();
        var vectors = WordVectorsFile.Read(path, ct: ct);
        output.WriteLine(Invariant($"Read {vectors.Count:N0} word vectors of {vectors.Dimensions} dimensions from {path} in {clock.Elapsed.TotalSeconds:0.0}s"));
        return new PretrainedEmbedding { Vectors = vectors, VectorsSource = Path.GetFileName(path) };
    }

    private static TrainingManifest.TestSection EvaluateTest(TextModel model, LabelledTexts test, string description, bool selected, TextWriter output, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var result = model.Evaluate(test, ct);
        string metrics = result.Task == TaskKind.Regression
            ? Invariant($"loss: {result.Loss:0.0000} - mae: {result.MeanAbsoluteError:0.0000} - rmse: {result.RootMeanSquaredError:0.0000}")
            : Invariant($"loss: {result.Loss:0.0000} - accuracy: {result.Accuracy:0.0000}");
        output.WriteLine(Invariant($"Test ({description}, {result.Count:N0} reviews, looked at once, after training{(selected ? "; validation results chose the weights kept" : "")}): {metrics} ({clock.Elapsed.TotalSeconds:0}s)"));
        return new TrainingManifest.TestSection(description, result.Count, result.Loss, result.Accuracy, result.MeanAbsoluteError, result.RootMeanSquaredError,
            selected
                ? "evaluated once, after training; early stopping and the learning-rate schedule used the validation reviews, carved from the training split, not these"
                : "evaluated once, after training; nothing in this run was chosen on these reviews");
    }

    private static int ReportInterruption(Trainer trainer, TrainingManifest manifest, string outDirectory, string checkpointPath, Stopwatch total, CommandEnvironment environment)
    {
        var history = trainer.History;
        RunOutputWriter.WriteHistory(outDirectory, history);
        Finish(manifest, "interrupted", history, total).Save(Path.Combine(outDirectory, RunDirectory.ManifestFile));
        var error = environment.Error;
        int done = history.Epochs.Count;
        error.WriteLine($"Interrupted during epoch {done + 1} of {trainer.Options.Epochs}.");
        if (done > 0 && File.Exists(checkpointPath))
        {
            error.WriteLine($"The checkpoint after epoch {done} is {checkpointPath}; continue with:");
            error.WriteLine($"  lstm train --resume {Quote(checkpointPath)}");
            error.WriteLine($"or write the model of epoch {done} as ONNX with:");
            error.WriteLine($"  lstm export --checkpoint {Quote(checkpointPath)}");
        }
        else
        {
            error.WriteLine("No epoch finished, so there is no checkpoint to resume; run the same command again to start over.");
        }
        return ExitCodes.Cancelled;
    }

    private static int ReportDivergence(Trainer trainer, TrainingManifest manifest, TrainingDivergedException diverged, string outDirectory, string checkpointPath,
        Stopwatch total, CommandEnvironment environment)
    {
        var history = trainer.History;
        RunOutputWriter.WriteHistory(outDirectory, history);
        (Finish(manifest, "failed", history, total) with { FailureReason = diverged.Message }).Save(Path.Combine(outDirectory, RunDirectory.ManifestFile));
        var error = environment.Error;
        error.WriteLine($"error: {diverged.Message}");
        int done = history.Epochs.Count;
        if (done > 0 && File.Exists(checkpointPath))
            error.WriteLine($"No model was written; the checkpoint after epoch {done} ({checkpointPath}) holds the last good weights.");
        else
            error.WriteLine("No model was written.");
        return ExitCodes.UserError;
    }

    private static TrainingManifest Finish(TrainingManifest manifest, string status, History history, Stopwatch total)
    {
        double trainingSeconds = history.Epochs.Sum(e => e.TrainSeconds + e.ValidationSeconds);
        double trainSeconds = history.Epochs.Sum(e => e.TrainSeconds);
        return manifest with
        {
            Status = status,
            Finished = DateTimeOffset.Now,
            Result = TrainingManifest.ResultSection.From(history),
            Timings = manifest.Timings with
            {
                TrainingSeconds = trainingSeconds,
                TotalSeconds = total.Elapsed.TotalSeconds,
                ReviewsPerSecond = trainSeconds > 0 ? (double)manifest.Data.TrainCount * history.Epochs.Count / trainSeconds : 0,
            },
        };
    }

    /// <summary>
    /// The settings of a run that starts from <paramref name="initial"/>: the network's layers come from the model and,
    /// unless given, its max length; an option about the layers that disagrees with it is an error rather than silently ignored.
    /// </summary>
    private static TrainSettings InitialSettings(TrainSettings settings, TrainedModel initial, IReadOnlySet<string> explicitOptions)
    {
        var spec = initial.Network.Spec;
        var first = spec.Recurrent[0];
        foreach (var (option, asked, actual) in new (string, object, object)[]
        {
            ("--num-words", settings.NumWords, spec.VocabularySize),
            ("--embedding-dim", settings.EmbeddingDim, spec.EmbeddingDim),
            ("--units", settings.Units, first.Units),
            ("--layers", settings.Layers, spec.Recurrent.Count),
            ("--cell", settings.Cell, first.Kind),
            ("--bidirectional", settings.Bidirectional, first.Bidirectional),
            ("--pooling", settings.Pooling, spec.Pooling),
            ("--mask-padding", settings.MaskPadding, spec.MaskZero),
            ("--dropout", settings.Dropout, first.Dropout),
            ("--recurrent-dropout", settings.RecurrentDropout, first.RecurrentDropout),
        })
        {
            if (explicitOptions.Contains(option) && !asked.Equals(actual))
                throw new ArgumentException(Invariant($"{option} {asked} disagrees with the model given to --init-from, which has {actual} ({initial.Source}); leave {option} out to take the model's."));
        }
        bool subword = initial.Vocabulary.IsSubword;
        if (explicitOptions.Contains("--tokenizer") && settings.Tokenizer != TokenizerKind.Auto && (settings.Tokenizer != TokenizerKind.Words) != subword)
            throw new ArgumentException($"--tokenizer {(settings.Tokenizer == TokenizerKind.Words ? "words" : "o200k")} disagrees with the model given to --init-from, whose vocabulary is {(subword ? "subword pieces" : "words")} ({initial.Source}); leave --tokenizer out to take the model's.");
        return settings with
        {
            NumWords = spec.VocabularySize,
            EmbeddingDim = spec.EmbeddingDim,
            Units = first.Units,
            Layers = spec.Recurrent.Count,
            Cell = first.Kind,
            Bidirectional = first.Bidirectional,
            Pooling = spec.Pooling,
            MaskPadding = spec.MaskZero,
            Task = spec.Task,
            MaxLen = explicitOptions.Contains("--max-len") ? settings.MaxLen : initial.Padding.MaxLen,
            Dropout = first.Dropout,
            RecurrentDropout = first.RecurrentDropout,
        };
    }

    private static void CheckResumedModel(SequenceNetwork network, Vocabulary vocabulary, string? resumeFrom)
    {
        if (network.Spec.VocabularySize != vocabulary.NumWords)
            throw new InvalidDataException($"{resumeFrom}: the model has {network.Spec.VocabularySize} embedding rows but the vocabulary beside it has numWords {vocabulary.NumWords}.");
        if (resumeFrom is not null && network.VocabularyHash is { } recorded && recorded != vocabulary.ContentHash)
            throw new InvalidDataException($"{resumeFrom}: {RunDirectory.VocabularyFile} beside it is not the vocabulary the checkpoint was trained with (it was changed after the checkpoint was written).");
    }

    /// <summary><c>Embedding(10000, 128) -> LSTM(128, dropout=0.2, recurrent_dropout=0.2) -> Dense(1, sigmoid): 1,411,713 parameters</c>.</summary>
    public static string Describe(SequenceNetwork network) => Invariant($"{network.Spec.Describe()}: {network.Parameters.Count:N0} parameters");

    private static Dictionary<string, string> Files(params string[] files) =>
        files.Distinct().ToDictionary(f => f switch
        {
            RunDirectory.ModelFile => "model",
            RunDirectory.OnnxFile => "onnx",
            RunDirectory.VocabularyFile => "vocabulary",
            RunDirectory.HistoryFile => "history",
            RunDirectory.ManifestFile => "manifest",
            RunDirectory.LossPlotFile => "lossPlot",
            RunDirectory.AccuracyPlotFile => "accuracyPlot",
            RunDirectory.CheckpointFile => "checkpoint",
            _ => f,
        });

    private static string Quote(string path) => path.Contains(' ') ? $"\"{path}\"" : path;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
