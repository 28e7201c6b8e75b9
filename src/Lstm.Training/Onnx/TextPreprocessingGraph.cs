using Lstm.Training.Text;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Onnx;

/// <summary>
/// The preprocessing part of the text variant, all standard operators (ai.onnx 20, ai.onnx.ml):
/// <list type="number">
/// <item><c>StringSplit</c> (no delimiter) splits each normalised text on runs of spaces into a <c>[batch, 1, M]</c>
/// tensor right-padded with <c>""</c>, and counts each row's words. (The normaliser separates words by single
/// spaces; ONNX Runtime 1.31 does not split on other whitespace such as tabs.)</item>
/// <item><c>LabelEncoder</c> maps words to ids (unknown words, and the <c>""</c> padding cells, to the OOV id).</item>
/// <item>A start-id column is concatenated in front, giving rows <c>[start, w1 … wn, junk…]</c> of valid length
/// L = n + 1.</item>
/// <item>Per row, with K = min(L, maxLen) ids kept, the output position t reads source position
/// <c>t − pad + first</c>, where <c>pad</c> = maxLen − K for pre-padding (else 0) and <c>first</c> = L − K for
/// pre-truncation (else 0); positions outside <c>[pad, pad + K)</c> get the padding id. <c>GatherElements</c> does
/// the per-row shift, <c>Where</c> the masking, so rows of different lengths in one batch are each padded
/// correctly and the <c>""</c> cells never become tokens.</item>
/// </list>
/// </summary>
internal static class TextPreprocessingGraph
{
    public const string TextInput = "text";
    public const string TokenIdsOutput = "token_ids";

    /// <summary>Declares the <c>text</c> input, appends the preprocessing nodes and returns the name of the padded ids <c>[batch, maxLen]</c>.</summary>
    public static string Add(OnnxGraphBuilder graph, IReadOnlyList<string> words, OnnxExportOptions options)
    {
        graph.Input(TextInput, DataType.String, "batch", 1);
        graph.Graph.Input[^1].DocString =
            $"Text normalised by {options.NormalizerName} v{options.NormalizerVersion}: words separated by single spaces.";
        int maxLen = options.MaxLength;
        var positions = new long[maxLen];
        for (int t = 0; t < maxLen; t++) positions[t] = t;
        var squeezeAxes = graph.Int64Constant("split_squeeze_axes", [1], 1);
        var startId = graph.Int64Constant("start_id", [1, 1], Vocabulary.StartId);
        var paddingId = graph.Int64Constant("padding_id", [1, 1], Vocabulary.PaddingId);
        var one = graph.Int64Constant("one", [1, 1], 1);
        var zero = graph.Int64Constant("zero", [1, 1], 0);
        var maxLength = graph.Int64Constant("max_len", [1, 1], maxLen);
        var position = graph.Initializer(OnnxTensors.Int64("positions", [1, maxLen], positions));

        // Words and their counts: [batch, 1, M] and [batch, 1].
        var split = graph.Node("StringSplit", "", ["split_words", "split_counts"], [TextInput]);
        var tokens = graph.Node("Squeeze", "words", [split[0], squeezeAxes]);
        var wordIds = graph.Node("LabelEncoder", OnnxGraphBuilder.MlDomain, ["word_ids"], [tokens],
            OnnxGraphBuilder.Strings("keys_strings", words),
            OnnxGraphBuilder.Ints("values_int64s", [.. Enumerable.Range(0, words.Count).Select(i => (long)(i + Vocabulary.IndexFrom + 1))]),
            OnnxGraphBuilder.Int("default_int64", Vocabulary.OovId))[0];

        // [start, w1 … wn, junk…] and its valid length L per row, [batch, 1].
        var startColumn = graph.Node("Expand", "start_column", [startId, graph.Node("Shape", "split_counts_shape", [split[1]])]);
        var sequence = graph.Node("Concat", "sequence", [startColumn, wordIds], OnnxGraphBuilder.Int("axis", 1));
        var length = graph.Node("Add", "sequence_length", [split[1], one]);
        var kept = graph.Node("Min", "kept_length", [length, maxLength]);

        // Output position t reads source position t - pad + first, valid for 0 <= t - pad < kept.
        var relative = options.Padding == PaddingSide.Pre
            ? graph.Node("Sub", "relative_position", [position, graph.Node("Sub", "pad_length", [maxLength, kept])])
            : position;
        var source = options.Truncating == PaddingSide.Pre
            ? graph.Node("Add", "source_position", [relative, graph.Node("Sub", "first_kept", [length, kept])])
            : relative;
        var valid = graph.Node("And", "is_kept",
            [graph.Node("GreaterOrEqual", "after_padding", [relative, zero]), graph.Node("Less", "before_end", [relative, kept])]);
        var safeSource = graph.Node("Where", "safe_source_position", [valid, source, zero]);
        var gathered = graph.Node("GatherElements", "gathered_ids", [sequence, safeSource], OnnxGraphBuilder.Int("axis", 1));
        var padded = graph.Node("Where", TokenIdsOutput, [valid, gathered, paddingId]);
        if (options.IncludeTokenIdsOutput) graph.Output(TokenIdsOutput, DataType.Int64, "batch", maxLen);
        return padded;
    }
}
