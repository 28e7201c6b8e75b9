namespace Lstm.Training.Data;

/// <summary>
/// The IMDB archive could not be downloaded (no network, DNS failure, timeout, HTTP error). The message says how
/// to supply the file offline.
/// </summary>
public sealed class ImdbDownloadException : IOException
{
    /// <summary>Creates the exception.</summary>
    public ImdbDownloadException(string message, Exception? innerException = null) : base(message, innerException) { }
}
