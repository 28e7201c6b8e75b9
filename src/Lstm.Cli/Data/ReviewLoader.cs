using Lstm.Training.Data;

namespace Lstm.Cli.Data;

/// <summary>
/// Reads the reviews of a <see cref="DataSource"/> for training (train and validation parts, limited to
/// class-balanced subsets) or for evaluation (the test part, or the whole of a labelled file).
/// </summary>
internal static class ReviewLoader
{
    /// <summary>
    /// Training and validation reviews. IMDB gives its train and test splits; a labelled file gives its rows, with
    /// validation from <paramref name="validationPath"/> when given, else a stratified <paramref name="validationSplit"/>
    /// of the rows. <paramref name="limit"/> and <paramref name="validationLimit"/> then keep class-balanced subsets
    /// (<see cref="ImdbDataset.Subset"/>, with <paramref name="seed"/>). Labelled files are read with <paramref name="columns"/>.
    /// With <paramref name="validationFromTraining"/>, IMDB's validation reviews are instead a stratified
    /// <paramref name="validationSplit"/> of its training split, and its test split is kept apart as
    /// <see cref="ReviewSplits.Test"/> (limited like the validation reviews).
    /// </summary>
    public static ReviewSplits LoadForTraining(DataSource source, string? validationPath, double validationSplit,
        int? limit, int? validationLimit, ulong seed, LabelledTextFileOptions columns, CancellationToken ct, bool validationFromTraining = false)
    {
        IReadOnlyList<LabelledText> train, validation;
        IReadOnlyList<LabelledText>? test = null;
        string validationDescription;
        string? testDescription = null;
        if (source.Kind == DataKind.Imdb && validationFromTraining && validationPath is null)
        {
            var imdb = ImdbArchive.Load(source.Path, ct);
            // A split of 0 trains on the whole training split (e.g. the final fit after the epochs were chosen on a held-out part).
            (train, validation) = ValidationSplit.Split(imdb.Train, validationSplit, seed);
            validationDescription = validation.Count == 0 ? "" : $"{validationSplit:0.###} of IMDB's training split (stratified, seed {seed})";
            test = validationLimit is null ? imdb.Test : new ImdbDataset([], imdb.Test).Subset(null, validationLimit, seed).Test;
            testDescription = validationLimit is null ? "IMDB test split" : $"{test.Count:N0} of IMDB's test split (class-balanced, seed {seed})";
        }
        else if (source.Kind == DataKind.Imdb)
        {
            var imdb = ImdbArchive.Load(source.Path, ct);
            (train, validation, validationDescription) = (imdb.Train, imdb.Test, "IMDB test split");
        }
        else
        {
            var rows = LabelledTextFile.Read(source.Path, columns);
            if (validationPath is null)
            {
                (train, validation) = ValidationSplit.Split(rows, validationSplit, seed);
                // Only binary labels are known here; other labels (read as written) are split at random.
                validationDescription = $"{validationSplit:0.###} of {Path.GetFileName(source.Path)} ({(columns.BinaryLabels ? "stratified, " : "")}seed {seed})";
            }
            else
            {
                (train, validation, validationDescription) = (rows, [], "");
            }
        }
        if (validationPath is not null)
        {
            var validationSource = DataSource.FromPath(validationPath, "--validation");
            validation = LoadAll(validationSource, columns, ct);
            // The file's name only: training.json records this description, and its path relative to the run folder.
            string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(validationSource.Path));
            validationDescription = validationSource.Kind == DataKind.Imdb ? $"IMDB test split of {name}" : $"labelled file {name}";
        }
        var subset = new ImdbDataset(train, validation).Subset(limit, validationLimit, seed);
        return new ReviewSplits(subset.Train, subset.Test, source, validationDescription) { Test = test, TestDescription = testDescription };
    }

    /// <summary>
    /// Reviews to evaluate on: IMDB's test split, or every row of a labelled file; with <paramref name="limit"/>, a
    /// class-balanced subset drawn as <c>lstm train --validation-limit</c> draws it with the same seed. A labelled file
    /// is read with <paramref name="columns"/>.
    /// </summary>
    public static IReadOnlyList<LabelledText> LoadForEvaluation(DataSource source, LabelledTextFileOptions columns, int? limit, ulong seed, CancellationToken ct)
    {
        var reviews = LoadAll(source, columns, ct);
        return limit is null ? reviews : new ImdbDataset([], reviews).Subset(null, limit, seed).Test;
    }

    private static IReadOnlyList<LabelledText> LoadAll(DataSource source, LabelledTextFileOptions columns, CancellationToken ct) =>
        source.Kind == DataKind.Imdb ? ImdbArchive.Load(source.Path, ct).Test : LabelledTextFile.Read(source.Path, columns);
}
