using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Training;

/// <summary>A binary classifier's label: a Boolean column (true = positive).</summary>
internal sealed class BooleanLabelColumn(string name) : LabelColumn(name)
{
    public override string Expected => $"{BooleanDataViewType.Instance}";

    public override bool Accepts(DataViewType type) => type is BooleanDataViewType;

    public override bool Accepts(SchemaShape.Column column) =>
        column.Kind == SchemaShape.Column.VectorKind.Scalar && !column.IsKey && column.ItemType is BooleanDataViewType;

    public override LabelColumn SameTypeAs(DataViewSchema.Column training) => this;

    public override LabelReader Open(DataViewRowCursor cursor, DataViewSchema.Column column) => new Reader(cursor.GetGetter<bool>(column));

    private sealed class Reader(ValueGetter<bool> getter) : LabelReader
    {
        private readonly List<bool> _labels = [];

        public override bool Add()
        {
            bool value = false;
            getter(ref value);
            _labels.Add(value);
            return true;
        }

        public override TextLabels ToLabels() => TextLabels.Binary(_labels);
    }
}
