using System.Globalization;
using Lstm.Cli.Runs;
using Lstm.Training.Data;
using Lstm.Training.Models;

namespace Lstm.Cli.Data;

/// <summary>
/// The labels <c>lstm train</c> learns: IMDB's sentiment or rating, or a labelled file's label column read as binary
/// labels or as written (class names, numbers), turned into <see cref="TextLabels"/> for the task asked for or inferred.
/// </summary>
internal sealed record TrainingLabels(LabelledTexts Train, LabelledTexts? Validation, string Reason)
{
    /// <summary>Test texts kept apart for one evaluation after training (<see cref="ReviewSplits.Test"/>); null when there are none.</summary>
    public LabelledTexts? Test { get; init; }

    /// <summary>
    /// Loads the training and validation reviews. Binary labels are read as such (with today's checks and messages);
    /// for another task, or an inferred one whose labels are not binary, the label column is read as written.
    /// </summary>
    public static ReviewSplits Load(DataSource source, TrainSettings settings, CancellationToken ct)
    {
        bool asWritten = settings.Task is TaskKind.MulticlassClassification or TaskKind.Regression;
        ReviewSplits Read(bool binary) => ReviewLoader.LoadForTraining(source, settings.ValidationPath, settings.ValidationSplit, settings.Limit, settings.ValidationLimit,
            settings.Seed, settings.Columns with { BinaryLabels = binary }, ct, settings.ValidationFromTraining);
        if (asWritten || source.Kind == DataKind.Imdb) return Read(binary: !asWritten && source.Kind != DataKind.Imdb);
        try
        {
            return Read(binary: true);
        }
        catch (InvalidDataException e) when (settings.Task is null && e.Message.Contains("expected a label", StringComparison.Ordinal))
        {
            // Not sentiment labels: keep them as written and let the task be inferred from them, unless they look like a
            // sentiment file with a mistake in it, or like a column of texts (the binary error names the line then).
            var asWrittenSplits = Read(binary: false);
            if (!LooksLikeLabels([.. asWrittenSplits.Train.Concat(asWrittenSplits.Validation).Select(r => r.LabelText!)])) throw;
            return asWrittenSplits;
        }
    }

    /// <summary>
    /// True for numbers, or for a few distinct names that are not sentiment labels mixed with others; false for a mix of
    /// numbers and names, sentiment labels beside other words, or nearly as many distinct values as rows (a text column).
    /// </summary>
    private static bool LooksLikeLabels(IReadOnlyList<string> labels)
    {
        bool IsNumber(string label) => double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        int numbers = labels.Count(IsNumber);
        if (numbers == labels.Count) return true;
        if (numbers > 0) return false;
        if (labels.Any(IsSentiment)) return false;
        int distinct = labels.Distinct(StringComparer.Ordinal).Count();
        return distinct <= Math.Max(2, labels.Count / 2);
    }

    private static bool IsSentiment(string label)
    {
        try
        {
            TextLabels.FromStrings([label], TaskKind.BinaryClassification, out _);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The labels of <paramref name="reviews"/> for <paramref name="settings"/>' task; with <paramref name="model"/>
    /// (a model the run continues or starts from), its task and class names.
    /// </summary>
    /// <exception cref="ArgumentException">A label does not fit the task, or a validation label is a class the training labels lack.</exception>
    public static TrainingLabels ForTask(ReviewSplits reviews, TrainSettings settings, NetworkSpec? model)
    {
        bool rating = reviews.Source.Kind == DataKind.Imdb && settings.ImdbLabel == TrainSettings.RatingLabel;
        string Raw(LabelledText review) => rating
            ? (review.Stars ?? throw new InvalidDataException($"{review.Source}: no rating in the file name.")).ToString(CultureInfo.InvariantCulture)
            : review.LabelText ?? (review.Label ? "1" : "0");
        var task = model?.Task ?? settings.Task;
        var train = TextLabels.FromStrings([.. reviews.Train.Select(Raw)], task, out string reason, model?.ClassNames);
        if (model is not null) reason = $"{TextLabels.Describe(model.Task)}, as the model the run continues";
        TextLabels? validation = reviews.Validation.Count == 0 ? null : TextLabels.FromStrings([.. reviews.Validation.Select(Raw)], train.Task, out _, train.ClassNames);
        if (validation is not null && train.Task == TaskKind.MulticlassClassification && validation.ClassNames!.Count != train.ClassNames!.Count)
            throw new ArgumentException("The validation labels hold classes the training labels lack.");
        TextLabels? test = reviews.Test is not { Count: > 0 } t ? null : TextLabels.FromStrings([.. t.Select(Raw)], train.Task, out _, train.ClassNames);
        return new TrainingLabels(
            new LabelledTexts([.. reviews.Train.Select(r => r.Text)], train),
            validation is null ? null : new LabelledTexts([.. reviews.Validation.Select(r => r.Text)], validation),
            reason + (rating ? " (IMDB ratings)" : ""))
        {
            Test = test is null ? null : new LabelledTexts([.. reviews.Test!.Select(r => r.Text)], test),
        };
    }
}
