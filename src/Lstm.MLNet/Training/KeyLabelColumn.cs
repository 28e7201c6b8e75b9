using System.Globalization;
using System.Reflection;
using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Training;

/// <summary>
/// A multi-class classifier's label: a key column (<c>Key&lt;UInt32&gt;</c> of known count K, as
/// <c>MapValueToKey</c> makes it), as ML.NET's multi-class trainers expect. The classes are the key's values
/// (its <c>KeyValues</c> annotation, as text), else the key's indices 0 … K−1; a missing key (raw value 0) skips the row.
/// </summary>
internal sealed class KeyLabelColumn : LabelColumn
{
    private const string KeyValues = "KeyValues";
    private readonly KeyDataViewType? _exact;
    private readonly IReadOnlyList<string>? _classNames;

    public KeyLabelColumn(string name)
        : base(name)
    {
    }

    private KeyLabelColumn(string name, KeyDataViewType exact, IReadOnlyList<string> classNames)
        : base(name)
    {
        _exact = exact;
        _classNames = classNames;
    }

    public override string Expected => _exact is null ? "Key<UInt32> of known count (e.g. from MapValueToKey)" : $"{_exact}";

    public override bool Accepts(DataViewType type) =>
        _exact is null ? type is KeyDataViewType { Count: > 0 } key && key.RawType == typeof(uint) : _exact.Equals(type);

    public override bool Accepts(SchemaShape.Column column) =>
        column.Kind == SchemaShape.Column.VectorKind.Scalar && column.IsKey && column.ItemType.RawType == typeof(uint);

    public override LabelColumn SameTypeAs(DataViewSchema.Column training) =>
        new KeyLabelColumn(Name, (KeyDataViewType)training.Type, ClassNames(training));

    public override LabelReader Open(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var names = ClassNames(column);
        if (_classNames is not null && !names.SequenceEqual(_classNames, StringComparer.Ordinal))
            throw new ArgumentOutOfRangeException("inputSchema",
                $"The label column '{Name}' of the validation set has the classes {Join(names)}, the training data's {Join(_classNames)}: map both with the same MapValueToKey (its keyData).");
        return new Reader(cursor.GetGetter<uint>(column), names);
    }

    /// <summary>The class names of a key column: its key values as text, else its indices 0 … K−1.</summary>
    public static IReadOnlyList<string> ClassNames(DataViewSchema.Column column)
    {
        int count = (int)((KeyDataViewType)column.Type).Count;
        if (column.Annotations.Schema.GetColumnOrNull(KeyValues) is { Type: VectorDataViewType { Size: var size } vector } && size == count)
        {
            var read = typeof(KeyLabelColumn).GetMethod(nameof(KeyValueNames), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(vector.ItemType.RawType);
            return (string[])read.Invoke(null, [column])!;
        }
        return [.. Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture))];
    }

    private static string[] KeyValueNames<T>(DataViewSchema.Column column)
    {
        VBuffer<T> values = default;
        column.Annotations.GetValue(KeyValues, ref values);
        return [.. values.DenseValues().Select(v => v is ReadOnlyMemory<char> text ? text.ToString() : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")];
    }

    private static string Join(IReadOnlyList<string> names) => $"({string.Join(", ", names.Take(12))}{(names.Count > 12 ? ", …" : "")})";

    private sealed class Reader(ValueGetter<uint> getter, IReadOnlyList<string> classNames) : LabelReader
    {
        private readonly List<string> _labels = [];

        public override bool Add()
        {
            uint key = 0;
            getter(ref key);
            if (key == 0 || key > classNames.Count) return false;
            _labels.Add(classNames[(int)key - 1]);
            return true;
        }

        public override TextLabels ToLabels() => TextLabels.Classes(_labels, classNames);
    }
}
