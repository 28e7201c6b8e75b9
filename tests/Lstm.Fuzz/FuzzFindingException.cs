namespace Lstm.Fuzz;

/// <summary>An input broke the contract without throwing (too much memory); the message says how.</summary>
internal sealed class FuzzFindingException(string message) : Exception(message);
