namespace Lstm.Fuzz;

/// <summary>
/// One reader under fuzzing: how an afl input becomes the reader's input (a file, a folder tree or bytes), the call, and
/// the small valid inputs its corpus starts from.
/// </summary>
/// <remarks>
/// The contract every target is held to (<see cref="FuzzContract"/>): the call returns, or throws
/// <see cref="InvalidDataException"/> whose message names <see cref="SourceName"/>; any other exception, a hang, a
/// process crash or an allocation of more than <see cref="FuzzContract.AllocationBudget"/> bytes is a finding.
/// </remarks>
internal abstract class FuzzTarget
{
    /// <summary>The command-line name, e.g. <c>text-file</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One line: the call and how the input is shaped.</summary>
    public abstract string Description { get; }

    /// <summary>The file or folder name the reader is given; a refusal's message must name it.</summary>
    public abstract string SourceName { get; }

    /// <summary>
    /// Turns <paramref name="input"/> into the reader's input inside <paramref name="workspace"/> and returns the call
    /// to check. Failures here (a tree entry that cannot be written) are the harness's, never findings.
    /// </summary>
    public abstract Action Prepare(byte[] input, Workspace workspace);

    /// <summary>The seed corpus: small inputs the reader accepts, by file name.</summary>
    public abstract IEnumerable<(string Name, byte[] Bytes)> Seeds(SeedSources sources);
}
