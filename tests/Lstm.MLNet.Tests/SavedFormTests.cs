using Lstm.MLNet.Saving;
using Lstm.Training.Text;

namespace Lstm.MLNet.Tests;

public sealed class SavedFormTests
{
    [Fact]
    public void TheNormalisationContractName_NamesTheNormalisersRuleAndVersion()
    {
        // Saved zips find the normaliser by this name: a new normaliser version needs a new contract (and the old one kept).
        string expected = $"Lstm.MLNet.Normalize.{TextNormalizer.Name}.v{TextNormalizer.Version}";
        Assert.True(TextNormalizationMapping.ContractName == expected, $"The contract name is {TextNormalizationMapping.ContractName}; expected {expected}.");
    }

    [Fact]
    public void TheSavedMappings_DoWhatTheTransformerDoes()
    {
        var normalised = new TextNormalizationMapping.NormalizedText();
        TextNormalizationMapping.Map(new TextNormalizationMapping.RawText { Text = "GREAT film!<br />Loved it" }, normalised);
        Assert.Equal("great film loved it", normalised.Text);
        TextNormalizationMapping.Map(new TextNormalizationMapping.RawText { Text = null }, normalised);
        Assert.Equal("", normalised.Text);

        var scores = new ScoreMapping.BinaryScores();
        ScoreMapping.Map(new ScoreMapping.OnnxOutputs { Logit = [-0.5f], Probability = [0.3775f] }, scores);
        Assert.Equal((-0.5f, 0.3775f, false), (scores.Score, scores.Probability, scores.PredictedLabel));
        ScoreMapping.Map(new ScoreMapping.OnnxOutputs { Logit = [2f], Probability = [0.88f] }, scores);
        Assert.True(scores.PredictedLabel);
    }
}
