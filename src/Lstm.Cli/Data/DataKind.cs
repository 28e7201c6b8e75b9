namespace Lstm.Cli.Data;

/// <summary>What a <c>--data</c> path holds.</summary>
internal enum DataKind
{
    /// <summary>The IMDB archive (.tar.gz) or an extracted <c>aclImdb</c> folder, read by <c>ImdbArchive</c>.</summary>
    Imdb,

    /// <summary>A .tsv, .txt or .csv file of label and text, read by <c>LabelledTextFile</c>.</summary>
    LabelledFile,
}
