using Lstm.Cli.Runs;

namespace Lstm.Cli.Tests;

/// <summary>Issue 12: <c>lstm train --pretrain-embedding [--pretrain-texts]</c> and <c>--embedding-vectors</c>.</summary>
public class PretrainEmbeddingCliTests
{
    [Fact]
    public void Word2vec_on_the_training_and_unlabelled_texts_is_reported_and_recorded()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string unlabelled = temp.File("unlabelled.txt");
        File.WriteAllLines(unlabelled, ["a wonderful and brilliant film", "a dull and boring plot"]);
        string run = temp.File("run");

        var outcome = LstmRunner.Run([.. EndToEndTests.TinyTraining(data, run, epochs: 1), "--pretrain-embedding", "--word2vec-epochs", "2", "--pretrain-texts", unlabelled]);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("Read 2 unlabelled texts for word2vec", outcome.Output);
        Assert.Contains("word2vec epoch 2/2", outcome.Output);
        Assert.Contains("Embedding initialised from word2vec skip-gram on the training texts and 2 unlabelled texts (window 5, 5 negatives, 2 epochs", outcome.Output);
        var manifest = TrainingManifest.Load(Path.Combine(run, RunDirectory.ManifestFile));
        Assert.StartsWith("word2vec skip-gram on the training texts and 2 unlabelled texts", manifest.PretrainedEmbedding);
        Assert.NotNull(manifest.Timings.EmbeddingPretrainingSeconds);
    }

    [Fact]
    public void A_users_vectors_are_read_and_a_wrong_width_names_the_file()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string vectors = temp.File("vectors.txt");
        File.WriteAllLines(vectors, ["2 8", "great 1 2 3 4 5 6 7 8", "awful 8 7 6 5 4 3 2 1"]);
        var outcome = LstmRunner.Run([.. EndToEndTests.TinyTraining(data, temp.File("run"), epochs: 1), "--embedding-vectors", vectors]);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("Read 2 word vectors of 8 dimensions", outcome.Output);
        Assert.Contains("word vectors of vectors.txt: 2 of", outcome.Output);

        string wide = temp.File("wide.txt");
        File.WriteAllLines(wide, ["great 1 2 3"]);
        var refused = LstmRunner.Run([.. EndToEndTests.TinyTraining(data, temp.File("wide-run"), epochs: 1), "--embedding-vectors", wide]);
        Assert.Equal(ExitCodes.UserError, refused.ExitCode);
        Assert.Contains("wide.txt have 3 dimensions but the embedding has 8", refused.Error);
    }

    [Theory]
    [InlineData("--pretrain-texts", "--pretrain-embedding")]
    [InlineData("--embedding-vectors", "give one of them")]
    public void Options_that_do_not_go_together_are_refused(string option, string message)
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string file = temp.File("file.txt");
        File.WriteAllText(file, "x 1 2 3 4 5 6 7 8\n");
        string[] extra = option == "--pretrain-texts" ? [option, file] : [option, file, "--pretrain-embedding"];
        var outcome = LstmRunner.Run([.. EndToEndTests.TinyTraining(data, temp.File("run"), epochs: 1), .. extra]);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
    }
}
