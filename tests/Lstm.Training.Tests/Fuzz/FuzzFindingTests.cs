using System.Formats.Tar;
using System.Text;
using Lstm.Training.Data;
using Lstm.Training.Models;
using Lstm.Training.Tests.Data;
using Lstm.Training.Tests.Onnx;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Fuzz;

/// <summary>
/// Inputs that afl-fuzz found with tests/Lstm.Fuzz (files under Fuzz/Findings, as the readers were given them) and that
/// broke the readers' contract: load, or throw <see cref="InvalidDataException"/> naming the file. Each comment says
/// what the reader did before its fix.
/// </summary>
public sealed class FuzzFindingTests
{
    private static string Finding(string name) =>
        RepositoryPaths.FindUpwards(Path.Combine("tests", "Lstm.Training.Tests", "Fuzz", "Findings", name))
        ?? throw new FileNotFoundException($"The fuzzing finding '{name}' is not in tests/Lstm.Training.Tests/Fuzz/Findings.", name);

    private static InvalidDataException Refused(Action read, string path)
    {
        var error = Assert.Throws<InvalidDataException>(read);
        Assert.Contains(path, error.Message);
        return error;
    }

    /// <summary>Was ArgumentException ("The output char buffer is too small") from BinaryReader.ReadChars on invalid UTF-8.</summary>
    [Fact]
    public void Model_WhoseHeaderIsNotUtf8_IsRefused()
    {
        string path = Finding("model-magic-invalid-utf8.lstm");
        var error = Refused(() => SequenceNetwork.Load(path), path);
        Assert.Contains("not an Lstm.Training model file", error.Message);
    }

    /// <summary>Was FormatException ("Too many bytes in what should have been a 7-bit encoded integer") from BinaryReader.ReadString.</summary>
    [Fact]
    public void Format1Model_WithAMalformedStringLength_IsRefused()
    {
        string path = Finding("model-format1-string-length.lstm");
        var error = Refused(() => SequenceNetwork.Load(path), path);
        Assert.Contains("length prefix", error.Message);
    }

    /// <summary>Was OverflowException: the recurrent kernel of 30,000 units (3.6e9 values) overflowed an int before the file was read.</summary>
    [Fact]
    public void Format1Model_WhoseConfigurationAsksForMoreThanTheFileHolds_IsRefusedBeforeAllocating()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "huge.lstm");
        using (var writer = new BinaryWriter(File.Create(path), Encoding.UTF8))
        {
            writer.Write("LSTMCLS1".ToCharArray());
            writer.Write("""{"VocabularySize":4,"EmbeddingDim":1,"Units":30000,"Dropout":0,"RecurrentDropout":0}""");
            writer.Write(4L);
        }
        var error = Refused(() => SequenceNetwork.Load(path), path);
        Assert.Contains("needs", error.Message);
    }

    /// <summary>
    /// Were ArgumentOutOfRangeException (FitOptions.Validate on a learning rate of 0), ArgumentNullException (History.FromJson
    /// on a missing history), FormatException (BinaryReader.ReadString on the header's length) and ArgumentException
    /// (SeededRandom.FromState on an empty random state).
    /// </summary>
    [Theory]
    [InlineData("checkpoint-learning-rate.lstmckpt", "training options are not valid")]
    [InlineData("checkpoint-no-history.lstmckpt", "history")]
    [InlineData("checkpoint-header-length.lstmckpt", "length prefix")]
    [InlineData("checkpoint-random-state.lstmckpt", "random state")]
    public void Checkpoint_WithADamagedHeader_IsRefused(string name, string problem)
    {
        string path = Finding(name);
        var error = Refused(() => Trainer.Resume(path), path);
        Assert.Contains(problem, error.Message);
    }

    /// <summary>Was NotSupportedException ("Entry type 'SparseFile' not supported") from TarReader.GetNextEntry.</summary>
    [Fact]
    public void TarGz_WithASparseEntry_IsRefused()
    {
        string path = Finding("sparse-entry.tar.gz");
        var error = Refused(() => ImdbArchive.Load(path), path);
        Assert.Contains("SparseFile", error.Message);
    }

    /// <summary>Was InvalidOperationException ("The value of the size field ... is greater than the expected length") from TarReader.</summary>
    [Fact]
    public void TarGz_WithAPaxEntryBeyondTarReadersLimit_IsRefused()
    {
        string path = Finding("pax-size-beyond-limit.tar.gz");
        var error = Refused(() => ImdbArchive.Load(path), path);
        Assert.Contains("metadata entries of at most", error.Message);
    }

    /// <summary>Was a 1 GiB allocation (TarReader reads a PAX entry's declared size at once) from a 736-byte file, then "truncated".</summary>
    [Fact]
    public void TarGz_WithAGigabytePaxEntry_IsRefusedWithoutAllocatingIt()
    {
        string path = Finding("pax-size-gigabyte.tar.gz");
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Refused(() => ImdbArchive.Load(path), path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("metadata entries of at most", error.Message);
        Assert.True(allocated < 64 << 20, $"allocated {allocated:N0} bytes");
    }

    /// <summary>Long paths take PAX and GNU metadata entries; the metadata guard lets real ones through.</summary>
    [Theory]
    [InlineData(TarEntryFormat.Pax)]
    [InlineData(TarEntryFormat.Gnu)]
    public void TarGz_WithLongPaths_StillLoads(TarEntryFormat format)
    {
        string root = new('r', 150);
        var archive = new TestArchive();
        foreach (string folder in (string[])["train/neg", "train/pos", "test/neg", "test/pos"]) archive.File($"{root}/{folder}/1_5.txt", folder);
        using var dir = new TempDirectory();
        var dataset = ImdbArchive.Load(archive.WriteTarGz(Path.Combine(dir.Path, "long.tar.gz"), format));
        Assert.Equal(["train/neg", "train/pos"], dataset.Train.Select(r => r.Text));
        Assert.Equal(["test/neg", "test/pos"], dataset.Test.Select(r => r.Text));
    }

    /// <summary>
    /// Were InvalidOperationException from JsonElement.GetString: "Cannot transcode invalid UTF-8 JSON text to UTF-16
    /// string" (raw invalid bytes in a string) and "Cannot read incomplete UTF-16 JSON text as string with missing low
    /// surrogate" (an escaped lone surrogate, <c>\ud800</c>, in a value or, found by the 5-minute run, in a property name).
    /// </summary>
    [Theory]
    [InlineData("vocabulary-invalid-utf8-word.json", "not UTF-8")]
    [InlineData("vocabulary-invalid-utf8-format.json", "not UTF-8")]
    [InlineData("vocabulary-lone-surrogate-word.json", "not valid UTF-16")]
    [InlineData("vocabulary-lone-surrogate-format.json", "not valid UTF-16")]
    [InlineData("vocabulary-lone-surrogate-name.json", "not valid UTF-16")]
    public void Vocabulary_WithTextThatIsNotUnicode_IsRefused(string name, string problem)
    {
        string path = Finding(name);
        var error = Refused(() => Vocabulary.Load(path), path);
        Assert.Contains(problem, error.Message);
    }
}
