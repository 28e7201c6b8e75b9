using System.IO.Compression;
using Lstm.MLNet.Saving;
using Lstm.Training.Onnx;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Onnx;

namespace Lstm.MLNet;

/// <summary>
/// Loads a model zip that holds Lstm.MLNet transformers so that they score in batches again.
/// </summary>
/// <remarks>
/// <para>
/// <c>mlContext.Model.Save</c> writes an <see cref="LstmTransformer"/> as a chain of ML.NET's built-in transformers,
/// because ML.NET 5.0.1 lets no third-party transformer store its own state. <c>mlContext.Model.Load</c> returns that
/// chain. It predicts the same, but its ONNX step scores one row per ONNX Runtime call, about half the speed of the
/// transformer.
/// </para>
/// <para>
/// <see cref="Load(MLContext, string, out DataViewSchema, int?)"/> loads the zip as <c>Model.Load</c> does, finds each
/// such chain (its saved ONNX copy names the text column it reads), and puts an <see cref="LstmTransformer"/> over the
/// same ONNX bytes in its place. Everything else in the pipeline is kept as loaded. The transformer scores in batches,
/// and its outputs are the transformer's own: a multi-class or K-output <c>Score</c> is <c>Vector&lt;Single, K&gt;</c>
/// with slot names, where the loaded chain has <c>Vector&lt;Single, 1, K&gt;</c>.
/// </para>
/// <para>
/// Chains saved before this entry point existed do not name their text column; they stay as <c>Model.Load</c> gives
/// them. Save such a model again to get batched scoring.
/// </para>
/// </remarks>
public static partial class LstmModelZip
{
    private const string OnnxEntrySuffix = "/OnnxModel";

    /// <summary>Loads <paramref name="filePath"/> with each Lstm.MLNet chain in it scoring in batches again.</summary>
    /// <param name="mlContext">The context, as for <c>mlContext.Model.Load</c>.</param>
    /// <param name="filePath">A zip written by <c>mlContext.Model.Save</c>.</param>
    /// <param name="inputSchema">The input schema the zip records, as <c>Model.Load</c> gives it.</param>
    /// <param name="scoringThreads">Threads of each transformer's ONNX Runtime session; null lets ONNX Runtime choose.</param>
    /// <returns>The loaded model. Dispose it when done, as any loaded model.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a zip, or an ONNX entry in it is damaged.</exception>
    public static ITransformer Load(MLContext mlContext, string filePath, out DataViewSchema inputSchema, int? scoringThreads = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        if (!File.Exists(filePath)) throw new FileNotFoundException($"{filePath}: no such model zip.", filePath);
        using var file = File.OpenRead(filePath);
        return Load(mlContext, file, out inputSchema, scoringThreads, filePath);
    }

    /// <summary>Loads a model zip from <paramref name="stream"/> with each Lstm.MLNet chain in it scoring in batches again.</summary>
    /// <inheritdoc cref="Load(MLContext, string, out DataViewSchema, int?)"/>
    public static ITransformer Load(MLContext mlContext, Stream stream, out DataViewSchema inputSchema, int? scoringThreads = null) =>
        Load(mlContext, stream, out inputSchema, scoringThreads, "The model zip");

    private static ITransformer Load(MLContext mlContext, Stream stream, out DataViewSchema inputSchema, int? scoringThreads, string source)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(stream);
        // The zip is read twice: by ML.NET, and here for the ONNX copies, in the order ML.NET wrote (and loads) them.
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        mlContext.ComponentCatalog.RegisterAssembly(typeof(LstmTransformer).Assembly);
        bytes.Position = 0;
        var loaded = mlContext.Model.Load(bytes, out inputSchema);
        bytes.Position = 0;
        var onnxCopies = OnnxEntries(bytes, source);
        return new ChainWalk(onnxCopies, scoringThreads, source).Visit(loaded);
    }

    /// <summary>The ONNX models the zip holds (each entry is ML.NET's length-prefixed byte array), in the zip's order.</summary>
    internal static List<byte[]> OnnxEntries(Stream zip, string source)
    {
        var models = new List<byte[]>();
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in archive.Entries)
            {
                if (!entry.FullName.EndsWith(OnnxEntrySuffix, StringComparison.Ordinal)) continue;
                using var content = entry.Open();
                using var reader = new BinaryReader(content);
                int length = reader.ReadInt32();
                if (length < 0 || length > entry.Length - sizeof(int))
                    throw new InvalidDataException($"{source}: the entry {entry.FullName} declares {length} bytes but holds {entry.Length - sizeof(int)}.");
                models.Add(reader.ReadBytes(length));
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{source}: an ONNX entry ends early.", e);
        }
        return models;
    }

    /// <summary>Walks a loaded model depth first, as ML.NET saved it, pairing each ONNX step with its entry.</summary>
    private sealed class ChainWalk(List<byte[]> onnxCopies, int? scoringThreads, string source)
    {
        private int _next;

        public ITransformer Visit(ITransformer transformer)
        {
            if (transformer is OnnxTransformer)
            {
                _next++;
                return transformer;
            }
            if (transformer is not TransformerChain<ITransformer> chain) return transformer;
            ITransformer[] items = [.. chain];
            if (TryReplace(items, out var replacement))
            {
                (chain as IDisposable)?.Dispose();
                return replacement;
            }
            bool changed = false;
            for (int i = 0; i < items.Length; i++)
            {
                var visited = Visit(items[i]);
                changed |= !ReferenceEquals(visited, items[i]);
                items[i] = visited;
            }
            return changed ? new TransformerChain<ITransformer>(items) : transformer;
        }

        /// <summary>A chain written by <see cref="BuiltInScoringChain"/>: CopyColumns, the normalisation CustomMapping, then its ONNX step, whose copy names the text column.</summary>
        private bool TryReplace(ITransformer[] items, out ITransformer replacement)
        {
            replacement = null!;
            if (items.Length < 4 || items[0] is not ColumnCopyingTransformer || items[2] is not OnnxTransformer || _next >= onnxCopies.Count) return false;
            if (!items[1].GetType().IsGenericType || items[1].GetType().GetGenericTypeDefinition() != typeof(CustomMappingTransformer<,>)) return false;
            byte[] onnx = onnxCopies[_next];
            if (!OnnxMetadataProps.Read(onnx).TryGetValue(BuiltInScoringChain.TextColumnKey, out string? textColumn)) return false;
            _next++;
            replacement = new LstmTransformer(LstmOnnxModel.FromBytes(onnx, $"{source}: the saved Lstm.MLNet model"), textColumn, trainingHistory: null, scoringThreads);
            return true;
        }
    }
}
