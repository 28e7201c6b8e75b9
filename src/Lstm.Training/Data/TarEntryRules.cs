using System.Formats.Tar;

namespace Lstm.Training.Data;

/// <summary>
/// What a dataset archive may contain: regular files and folders whose paths stay inside the archive's root.
/// Links, devices, absolute paths and <c>..</c> segments are refused, even though nothing is extracted to disk:
/// such an entry means the archive is not the dataset.
/// </summary>
internal static class TarEntryRules
{
    /// <summary>
    /// Throws <see cref="InvalidDataException"/> naming the entry and the archive when the entry is refused;
    /// otherwise returns its path with '/' separators and no <c>.</c> segments, or null for entries to skip
    /// (pax global headers, whose names carry no meaning).
    /// </summary>
    public static string? Check(TarEntry entry, string archive)
    {
        string name = entry.Name;
        switch (entry.EntryType)
        {
            case TarEntryType.GlobalExtendedAttributes:
                return null;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile or TarEntryType.Directory:
                break;
            case TarEntryType.SymbolicLink:
                throw Refused(archive, name, $"is a symbolic link (to '{entry.LinkName}')");
            case TarEntryType.HardLink:
                throw Refused(archive, name, $"is a hard link (to '{entry.LinkName}')");
            default:
                throw Refused(archive, name, $"is a {entry.EntryType} entry");
        }

        if (name.StartsWith('/') || name.StartsWith('\\') || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])))
            throw Refused(archive, name, "has an absolute path");
        string[] segments = name.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Contains(".."))
            throw Refused(archive, name, "leaves the archive's root with a '..' segment");
        return string.Join('/', segments.Where(segment => segment != "."));
    }

    private static InvalidDataException Refused(string archive, string name, string problem) =>
        new($"Refusing entry '{name}' in '{archive}': it {problem}. A dataset archive may hold only regular files and folders inside its root.");
}
