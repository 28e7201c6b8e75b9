namespace Lstm.Cli;

/// <summary>The IMDB dataset is neither given, nor cached, nor downloadable; the message says how to supply it.</summary>
internal sealed class DatasetUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
