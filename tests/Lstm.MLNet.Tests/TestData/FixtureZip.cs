using System.IO.Compression;
using System.Text;
using Lstm.Training.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Lstm.MLNet.Tests.TestData;

/// <summary>Looks inside an ML.NET model zip of the compatibility fixtures, to check which formats it holds.</summary>
internal static class FixtureZip
{
    /// <summary>
    /// True when an entry of the zip stores the contract name <paramref name="contract"/> of a custom mapping (a UTF-16
    /// string in the entry's Model.key), which <c>Model.Load</c> looks up among the <c>[CustomMappingFactoryAttribute]</c>
    /// classes of Lstm.MLNet.
    /// </summary>
    public static bool NamesContract(string zip, string contract)
    {
        byte[] name = Encoding.Unicode.GetBytes(contract);
        return Entries(zip).Values.Any(e => e.AsSpan().IndexOf(name) >= 0);
    }

    /// <summary>
    /// The <c>lstm_mlnet.format_version</c> of the ONNX model the zip's ApplyOnnxModel step holds (entry <c>…/OnnxModel</c>:
    /// the model's length as an int32, then its bytes), read by ONNX Runtime as written.
    /// </summary>
    public static string OnnxFormatVersion(string zip)
    {
        var entry = Entries(zip).Single(e => e.Key.EndsWith("/OnnxModel", StringComparison.Ordinal)).Value;
        int length = BitConverter.ToInt32(entry, 0);
        Assert.Equal(entry.Length - sizeof(int), length);
        using var session = new InferenceSession(entry[sizeof(int)..]);
        return session.ModelMetadata.CustomMetadataMap[OnnxMetadataKeys.FormatVersion];
    }

    private static Dictionary<string, byte[]> Entries(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }
}
