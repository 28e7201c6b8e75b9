using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Training;

/// <summary>
/// A regression label: a Single column (one output), or a known-size Vector&lt;Single&gt; of K values (K outputs). A
/// missing value (NaN) skips the row, as ML.NET's regression trainers skip it.
/// </summary>
internal sealed class ValueLabelColumn : LabelColumn
{
    private readonly DataViewType? _exact;

    public ValueLabelColumn(string name)
        : base(name)
    {
    }

    private ValueLabelColumn(string name, DataViewType exact)
        : base(name)
    {
        _exact = exact;
    }

    public override string Expected => _exact is null ? "Single or a known-size Vector<Single>" : $"{_exact}";

    public override bool Accepts(DataViewType type) =>
        _exact?.Equals(type) ?? (type == NumberDataViewType.Single || type is VectorDataViewType { IsKnownSize: true } vector && vector.ItemType == NumberDataViewType.Single);

    public override bool Accepts(SchemaShape.Column column) =>
        !column.IsKey && column.ItemType == NumberDataViewType.Single && column.Kind != SchemaShape.Column.VectorKind.VariableVector;

    public override LabelColumn SameTypeAs(DataViewSchema.Column training) => new ValueLabelColumn(Name, training.Type);

    /// <summary>Values per row of a label column of <paramref name="type"/>: 1 for Single, else the vector's size.</summary>
    public static int Width(DataViewType type) => type is VectorDataViewType vector ? vector.Size : 1;

    public override LabelReader Open(DataViewRowCursor cursor, DataViewSchema.Column column) =>
        column.Type is VectorDataViewType vector ? new VectorReader(cursor.GetGetter<VBuffer<float>>(column), vector.Size) : new ScalarReader(cursor.GetGetter<float>(column));

    private sealed class ScalarReader(ValueGetter<float> getter) : LabelReader
    {
        private readonly List<float> _values = [];

        public override bool Add()
        {
            float value = 0;
            getter(ref value);
            if (float.IsNaN(value)) return false;
            _values.Add(value);
            return true;
        }

        public override TextLabels ToLabels() => TextLabels.Values([.. _values]);
    }

    private sealed class VectorReader(ValueGetter<VBuffer<float>> getter, int width) : LabelReader
    {
        private readonly List<float> _values = [];
        private VBuffer<float> _row;

        public override bool Add()
        {
            getter(ref _row);
            int start = _values.Count;
            foreach (float value in _row.DenseValues())
            {
                if (float.IsNaN(value))
                {
                    _values.RemoveRange(start, _values.Count - start);
                    return false;
                }
                _values.Add(value);
            }
            return true;
        }

        public override TextLabels ToLabels() => TextLabels.Values([.. _values], width);
    }
}
