namespace Lstm.Cli.Tests;

/// <summary>The CLI's subword tokenizer and unknown-text warning.</summary>
public sealed class SubwordCliTests
{
    private static readonly string[] Korean = ["정말 재미있어요 최고의 영화", "너무 재미없고 지루했다 ㅠㅠ", "배우들 연기가 정말 좋았어요", "스토리가 엉성하고 지루함", "최고의 영화 또 보고 싶다", "시간 아까운 영화 별로"];

    [Fact]
    public void Train_OnKorean_ChoosesPiecesAndSaysSo_PredictWarnsOnEnglishText_ExportRefusesTheTextVariant()
    {
        string dir = Directory.CreateTempSubdirectory("lstm-subword-").FullName;
        try
        {
            string data = Path.Combine(dir, "ko.tsv");
            File.WriteAllLines(data, ["label\ttext", .. Enumerable.Range(0, 24).Select(i => $"{(i % 2 == 0 ? "positive" : "negative")}\t{Korean[i % Korean.Length]}")]);
            string run = Path.Combine(dir, "run");
            var train = LstmRunner.Run("train", "--data", data, "--epochs", "1", "--embedding-dim", "4", "--units", "4", "--max-len", "12", "--num-words", "100", "--validation-split", "0", "--out", run);
            Assert.True(train.ExitCode == 0, train.ToString());
            Assert.Contains("tokenizer: subword pieces (o200k_base, Microsoft.ML.Tokenizers 2.0.", train.Output);
            Assert.Contains("\"tokenizer\": \"o200k_base\"", File.ReadAllText(Path.Combine(run, "training.json")));

            var predict = LstmRunner.Run("predict", "--model", run, Korean[0], "an English sentence here");
            Assert.True(predict.ExitCode == 0, predict.ToString());
            Assert.DoesNotContain("text 1 ", predict.Error);
            Assert.Contains("tokens of text 2 are not in the model's vocabulary", predict.Error);
            Assert.Contains("the score is not meaningful", predict.Error);

            var onnx = LstmRunner.Run("predict", "--model", Path.Combine(run, "model.onnx"), Korean[0]);
            Assert.True(onnx.ExitCode == 0, onnx.ToString());
            Assert.Equal(predict.Output.Split('\n')[1], onnx.Output.Split('\n')[1]);

            var json = LstmRunner.Run("predict", "--model", run, "--format", "json", Korean[0], "an English sentence here");
            Assert.True(json.ExitCode == 0, json.ToString());
            using (var document = System.Text.Json.JsonDocument.Parse(json.Output))
            {
                var items = document.RootElement.EnumerateArray().ToArray();
                Assert.InRange(items[0].GetProperty("unknownShare").GetDouble(), 0, 0.5);
                Assert.InRange(items[1].GetProperty("unknownShare").GetDouble(), 0.5000001, 1);
            }

            int pieces = Lstm.Training.Text.Vocabulary.Load(Path.Combine(run, "vocabulary.json")).Words.Count;
            var summary = LstmRunner.Run("summary", "--model", run);
            Assert.True(summary.ExitCode == 0, summary.ToString());
            Assert.Contains($"Vocabulary:  num_words 100, {pieces} subword pieces of o200k_base (Microsoft.ML.Tokenizers 2.0.", summary.Output);
            Assert.Contains($"), ids 4-{3 + pieces}; 0 padding, 1 start, 2 out-of-vocabulary, 3 unused", summary.Output);
            Assert.DoesNotContain(" words (ids", summary.Output);
            var summaryJson = LstmRunner.Run("summary", "--model", run, "--format", "json");
            Assert.True(summaryJson.ExitCode == 0, summaryJson.ToString());
            using (var document = System.Text.Json.JsonDocument.Parse(summaryJson.Output))
            {
                var vocabulary = document.RootElement.GetProperty("vocabulary");
                Assert.Equal("o200k_base", vocabulary.GetProperty("tokenizer").GetString());
                Assert.Equal(pieces, vocabulary.GetProperty("pieces").GetInt32());
                Assert.Equal("Microsoft.ML.Tokenizers", vocabulary.GetProperty("tokenizerLibrary").GetString());
                Assert.StartsWith("2.0.", vocabulary.GetProperty("tokenizerVersion").GetString(), StringComparison.Ordinal);
                Assert.False(vocabulary.TryGetProperty("words", out _));
            }

            var export = LstmRunner.Run("export", "--model", run, "--variant", "text", "--out", Path.Combine(dir, "text.onnx"));
            Assert.NotEqual(0, export.ExitCode);
            Assert.Contains("no text variant", export.Error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
