using Lstm.Training.Data;

namespace Lstm.Cli.Data;

/// <summary>The reviews a training run uses, and where they came from.</summary>
/// <param name="Train">Training reviews.</param>
/// <param name="Validation">Validation reviews; empty when there are none.</param>
/// <param name="Source">Where the training reviews came from.</param>
/// <param name="ValidationDescription">Where the validation reviews came from, for output.</param>
internal sealed record ReviewSplits(
    IReadOnlyList<LabelledText> Train, IReadOnlyList<LabelledText> Validation, DataSource Source, string ValidationDescription)
{
    /// <summary>Test reviews kept apart for one evaluation after training (IMDB's test split when validation was carved from its training split); null otherwise.</summary>
    public IReadOnlyList<LabelledText>? Test { get; init; }

    /// <summary>Where <see cref="Test"/> came from, for output; null when there is none.</summary>
    public string? TestDescription { get; init; }
}
