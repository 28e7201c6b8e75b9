using Lstm.Training.Explanations;
using Lstm.Training.Models;
using Lstm.Training.Text;

namespace Lstm.Training.Tests.Explanations;

/// <summary><see cref="TextExplainer"/> lines steps up with the tokens they read: padding, truncation, subword pieces.</summary>
public class TextExplainerTests
{
    private static readonly Vocabulary Words = Vocabulary.FromWords(["good", "bad", "film", "plot", "very"], numWords: 10);

    private static SequenceNetwork Network() => new(new NetworkSpec { VocabularySize = 10, EmbeddingDim = 4, Recurrent = [new RecurrentLayerSpec { Units = 3 }] }, seed: 5);

    [Fact]
    public void Post_padding_puts_the_start_id_and_tokens_first()
    {
        var explainer = new TextExplainer(new TextVectorizer(Words, 8, PaddingSide.Post, PaddingSide.Post), Network());
        var explanation = explainer.Explain("Very good film, unknownword!");
        Assert.Equal(0, explanation.Start!.Position);
        Assert.Equal(TextExplainer.StartToken, explanation.Start.Token);
        Assert.Equal(["very", "good", "film", "unknownword"], explanation.Tokens.Select(t => t.Token));
        Assert.Equal([1, 2, 3, 4], explanation.Tokens.Select(t => t.Position));
        Assert.Equal(Vocabulary.OovId, explanation.Tokens[3].Id);
        Assert.Equal(explanation.Integrated.Sum, explanation.Start.Attribution + explanation.Tokens.Sum(t => t.Attribution) + explanation.Padding, 1e-9);
    }

    [Fact]
    public void Pre_truncation_drops_the_start_id_and_the_first_tokens()
    {
        var explainer = new TextExplainer(new TextVectorizer(Words, 4), Network());
        var explanation = explainer.Explain("good bad film plot very");
        Assert.Null(explanation.Start);
        Assert.Equal(["bad", "film", "plot", "very"], explanation.Tokens.Select(t => t.Token));
        Assert.Equal(0, explanation.Padding, 1e-12);
    }

    [Fact]
    public void A_text_without_tokens_is_refused()
    {
        var explainer = new TextExplainer(new TextVectorizer(Words, 4), Network());
        var error = Assert.Throws<ArgumentException>(() => explainer.Explain(" ... !"));
        Assert.Equal("text", error.ParamName);
    }

    [Fact]
    public void Subword_models_are_explained_piece_by_piece()
    {
        string[] texts = ["unbelievably good films", "believable plots", "goodness"];
        var vocabulary = Vocabulary.BuildFromPieces(texts, numWords: 40);
        string[] pieces = TextExplainer.Tokens(vocabulary, "Unbelievably good");
        Assert.Equal(vocabulary.Encode("Unbelievably good").Length - 1, pieces.Length);
        Assert.True(pieces.Length > 2, string.Join("|", pieces));
        Assert.Equal(TextNormalizer.Normalize("Unbelievably good"), string.Concat(pieces));
        var network = new SequenceNetwork(new NetworkSpec { VocabularySize = 40, EmbeddingDim = 4, Recurrent = [new RecurrentLayerSpec { Units = 3 }] }, seed: 5);
        var explanation = new TextExplainer(new TextVectorizer(vocabulary, 12), network).Explain("Unbelievably good");
        Assert.Equal(pieces, explanation.Tokens.Select(t => t.Token));
    }
}
