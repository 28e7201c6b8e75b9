namespace Lstm.Training.Explanations;

/// <summary>One token of an explained text and what it did to the explained output (in its units: logit or value).</summary>
/// <param name="Token">The token as the model read it: a normalised word, or a subword piece's text.</param>
/// <param name="Position">Its step in the padded sequence.</param>
/// <param name="Id">Its vocabulary id (2 when out of the vocabulary).</param>
/// <param name="Attribution">Its integrated-gradients attribution.</param>
/// <param name="Occlusion">f(x) − f(x without it): its <see cref="Explanations.Occlusion"/> score.</param>
public sealed record TokenAttribution(string Token, int Position, int Id, double Attribution, double Occlusion);
