using Lstm.Cli.Predictions;
using Lstm.Training.Explanations;

namespace Lstm.Cli.Explain;

/// <summary>One text as <c>lstm explain</c> reports it: its prediction, the output explained and the explanation.</summary>
/// <param name="Prediction">What the model predicts for the text.</param>
/// <param name="OutputName">The output explained, for headings: "logit of positive", "logit of class 7", "value".</param>
/// <param name="Explanation">Attributions, occlusion scores and the completeness check.</param>
internal sealed record ExplainedText(Prediction Prediction, string OutputName, TextExplanation Explanation);
