using System.Globalization;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Training.Models;

/// <summary>Data that trains without error but not as the user meant: one class only, a constant target, a validation text the vocabulary barely covers.</summary>
internal static class DataWarnings
{
    /// <summary>Below this share of known words in the validation text, the vocabulary probably does not fit it (another language, another format).</summary>
    public const double MinimumValidationCoverage = 0.5;

    public static IReadOnlyList<string> Find(TextLabels train, SequenceDataset? validation)
    {
        var warnings = new List<string>();
        var targets = train.ToDataset(Enumerable.Repeat(Array.Empty<int>(), train.Count).ToArray());
        var first = targets.TargetRow(0).ToArray();
        bool constant = true;
        for (int i = 1; i < targets.Count && constant; i++) constant = targets.TargetRow(i).SequenceEqual(first);
        if (constant)
        {
            string value = train.Task switch
            {
                TaskKind.BinaryClassification => first[0] > 0.5f ? "positive" : "negative",
                TaskKind.MulticlassClassification => $"'{train.ClassNames![(int)first[0]]}'",
                _ => string.Join(", ", first.Select(v => v.ToString(CultureInfo.InvariantCulture))),
            };
            warnings.Add(train.Task == TaskKind.Regression
                ? $"every training target is {value}: the model can only learn to predict that value."
                : $"every training label is {value}: the model can only learn to predict that one class.");
        }
        if (validation is not null)
        {
            long known = 0, words = 0;
            foreach (int[] row in validation.Sequences)
                foreach (int id in row)
                {
                    if (id is Vocabulary.PaddingId or Vocabulary.StartId) continue;
                    words++;
                    if (id != Vocabulary.OovId) known++;
                }
            if (words > 0 && (double)known / words < MinimumValidationCoverage)
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"only {100.0 * known / words:0.#}% of the validation text's words are in the vocabulary built from the training texts; is the validation data in the same language and format?"));
        }
        return warnings;
    }
}
