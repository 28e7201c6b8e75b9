using Lstm.Training.Training;

namespace Lstm.Cli.Progress;

/// <summary>
/// Shows <see cref="Trainer.Fit"/>'s progress: a Keras-like bar redrawn in place on a terminal
/// (<see cref="ProgressBarRenderer"/>), or plain lines without control characters when output is redirected
/// (<see cref="ProgressLineRenderer"/>). Both end every epoch with Keras's summary line.
/// </summary>
internal abstract class ProgressRenderer
{
    /// <summary>The renderer that suits <paramref name="output"/>.</summary>
    /// <param name="output">Where progress goes.</param>
    /// <param name="terminal">True when <paramref name="output"/> is an interactive terminal.</param>
    /// <param name="width">Terminal columns; the bar line is kept shorter.</param>
    /// <param name="hasValidation">True when each epoch ends with a validation pass, which the renderer announces.</param>
    public static ProgressRenderer Create(TextWriter output, bool terminal, int width, bool hasValidation) =>
        terminal ? new ProgressBarRenderer(output, width, hasValidation) : new ProgressLineRenderer(output, hasValidation);

    /// <summary>Shows one progress report; pass it as <see cref="FitOptions.Progress"/>.</summary>
    public abstract void Report(TrainingProgress progress);

    /// <summary>Ends a half-drawn line, so that what is printed next (e.g. after Ctrl+C) starts on a fresh one.</summary>
    public virtual void Interrupt()
    {
    }
}
