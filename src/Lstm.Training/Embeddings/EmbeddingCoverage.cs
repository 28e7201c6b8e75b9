namespace Lstm.Training.Embeddings;

/// <summary>What <see cref="EmbeddingInitializer"/> copied into an embedding matrix.</summary>
/// <param name="VocabularyWords">Real words of the vocabulary (ids 4 and up).</param>
/// <param name="WordsFound">Of those, the words that got a vector.</param>
/// <param name="FallbackMatches">Of those, the words found only through the normalised (lower-case) form of a vector's word.</param>
/// <param name="TokenShare">
/// Share of the training tokens of real words (ids ≥ 4) whose word got a vector, when the token counts are known
/// (<see cref="WordVectors"/>, or sequences passed in); null otherwise.
/// </param>
/// <param name="Scale">The factor the copied vectors were multiplied by (1 when not rescaled).</param>
public sealed record EmbeddingCoverage(int VocabularyWords, int WordsFound, int FallbackMatches, double? TokenShare, float Scale)
{
    /// <summary><see cref="WordsFound"/> / <see cref="VocabularyWords"/> (0 for an empty vocabulary).</summary>
    public double WordShare => VocabularyWords == 0 ? 0 : (double)WordsFound / VocabularyWords;
}
