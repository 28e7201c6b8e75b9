namespace Lstm.Training.Explanations;

/// <summary>How <see cref="IntegratedGradients"/> explains one output.</summary>
public sealed record IntegratedGradientsOptions
{
    /// <summary>Fewest path steps accepted.</summary>
    public const int MinSteps = 1;

    /// <summary>Most path steps accepted (past a few hundred the integral no longer improves, while the cost keeps growing).</summary>
    public const int MaxSteps = 1024;

    /// <summary>Default path steps: 32, within a few percent of completeness for the shipped IMDB model.</summary>
    public const int DefaultSteps = 32;

    /// <summary>Intervals the straight path from the baseline to the input is cut into (m). Default 32.</summary>
    public int Steps { get; init; } = DefaultSteps;

    /// <summary>Where the path starts. Default <see cref="AttributionBaseline.Padding"/>.</summary>
    public AttributionBaseline Baseline { get; init; } = AttributionBaseline.Padding;

    /// <summary>How the gradients along the path are combined. Default <see cref="IntegrationRule.Midpoint"/>.</summary>
    public IntegrationRule Rule { get; init; } = IntegrationRule.Midpoint;

    /// <summary>
    /// The head output explained: the class for multi-class models (default: the predicted one), the target for
    /// regression (default 0); binary models have only the logit, output 0.
    /// </summary>
    public int? Output { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (Steps is < MinSteps or > MaxSteps)
            throw new ArgumentOutOfRangeException(nameof(Steps), Steps, $"Steps must be in [{MinSteps}, {MaxSteps}].");
        if (!Enum.IsDefined(Baseline)) throw new ArgumentOutOfRangeException(nameof(Baseline), Baseline, "Unknown baseline.");
        if (!Enum.IsDefined(Rule)) throw new ArgumentOutOfRangeException(nameof(Rule), Rule, "Unknown integration rule.");
        if (Output is < 0) throw new ArgumentOutOfRangeException(nameof(Output), Output, "Output must not be negative.");
    }
}
