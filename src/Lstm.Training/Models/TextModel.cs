using Lstm.Training.Training;

namespace Lstm.Training.Models;

/// <summary>A trained text model: the vectorizer that turns texts into ids and the network that scores them.</summary>
/// <param name="Vectorizer">Normaliser, vocabulary, length and padding sides.</param>
/// <param name="Network">The network (its spec holds the task and class names).</param>
/// <param name="History">The training history, when this model was just trained; null when loaded.</param>
public sealed record TextModel(TextVectorizer Vectorizer, SequenceNetwork Network, History? History = null)
{
    /// <summary>The head's activated outputs per text, [texts, outputs] row-major: P(positive), class probabilities, or values.</summary>
    public float[] Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Network.Predict(Vectorizer.Encode(texts, cancellationToken));
    }

    /// <summary>Loss and metrics on labelled texts.</summary>
    public NetworkEvaluation Evaluate(LabelledTexts data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Network.Evaluate(data.Labels.ToDataset(Vectorizer.Encode(data.Texts, cancellationToken), data.Weights));
    }
}
