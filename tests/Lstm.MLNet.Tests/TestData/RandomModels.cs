using Lstm.Training.Layers;
using Lstm.Training.Onnx;
using Lstm.Training.Text;

namespace Lstm.MLNet.Tests.TestData;

/// <summary>ONNX models exported from randomly initialised networks: scoring and preprocessing do not depend on training.</summary>
public static class RandomModels
{
    /// <summary>A small text-variant model whose vocabulary comes from <paramref name="texts"/>.</summary>
    public static byte[] Export(IEnumerable<string> texts, int numWords = 200, int embeddingDim = 8, int units = 8, int maxLength = 40,
        bool tokenIds = false, OnnxModelVariant variant = OnnxModelVariant.Text, ulong seed = 3)
    {
        var vocabulary = Vocabulary.BuildFromTexts(texts, numWords);
        var model = new LstmClassifier(new LstmClassifierConfig { VocabularySize = numWords, EmbeddingDim = embeddingDim, Units = units }, seed);
        return OnnxExporter.ExportToBytes(model, vocabulary, new OnnxExportOptions { MaxLength = maxLength, IncludeTokenIdsOutput = tokenIds, Variant = variant });
    }

    /// <summary>A small text-variant model over the synthetic reviews' words.</summary>
    public static byte[] Synthetic(int maxLength = 40) => Export(SyntheticReviews.Make(200).Select(r => r.Text), maxLength: maxLength);
}
