using System.Text.RegularExpressions;

namespace Lstm.Training.Layers;

/// <summary>
/// Names layers as Keras does: the class name in snake case (<c>LSTM</c> → <c>lstm</c>,
/// <c>GlobalMaxPooling1D</c> → <c>global_max_pooling1d</c>), with <c>_1</c>, <c>_2</c>… on repeats (<c>lstm</c>, <c>lstm_1</c>).
/// </summary>
internal sealed partial class KerasLayerNames
{
    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);

    /// <summary>The name of the next layer of class <paramref name="type"/>.</summary>
    public string Next(string type)
    {
        string name = ToSnakeCase(type);
        int count = _used.GetValueOrDefault(name);
        _used[name] = count + 1;
        return count == 0 ? name : $"{name}_{count}";
    }

    /// <summary>Keras's <c>to_snake_case</c>.</summary>
    public static string ToSnakeCase(string type)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        string intermediate = WordStart().Replace(type, "$1_$2");
        string snake = LowerUpper().Replace(intermediate, "$1_$2").ToLowerInvariant();
        return snake[0] == '_' ? "private" + snake : snake;
    }

    [GeneratedRegex("(.)([A-Z][a-z0-9]+)")]
    private static partial Regex WordStart();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex LowerUpper();
}
