using System.IO.Compression;

namespace Lstm.MLNet.Tests.TestData;

/// <summary>Looks inside a model zip written by <c>mlContext.Model.Save</c>.</summary>
internal static class ModelZip
{
    /// <summary>True when one of the zip's entries contains <paramref name="bytes"/> (e.g. the exported ONNX model).</summary>
    public static bool HoldsBytes(string zip, byte[] bytes)
    {
        using var archive = ZipFile.OpenRead(zip);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            if (buffer.ToArray().AsSpan().IndexOf(bytes) >= 0) return true;
        }
        return false;
    }
}
