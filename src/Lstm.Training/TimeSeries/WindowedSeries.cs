namespace Lstm.Training.TimeSeries;

/// <summary>A series cut into windowed examples and split by time, with everything learned from its training part.</summary>
public sealed class WindowedSeries
{
    internal WindowedSeries(TimeSeriesTable table, WindowOptions options, ChronologicalSplit split, SeriesPreprocessing preprocessing,
        WindowedPart train, WindowedPart validation, WindowedPart test)
    {
        Table = table;
        Options = options;
        Split = split;
        Preprocessing = preprocessing;
        FeatureNames = preprocessing.FeatureNames;
        Train = train;
        Validation = validation;
        Test = test;
    }

    /// <summary>The series the examples come from.</summary>
    public TimeSeriesTable Table { get; }

    /// <summary>The options the examples were built with.</summary>
    public WindowOptions Options { get; }

    /// <summary>Where the training, validation and test rows begin and end.</summary>
    public ChronologicalSplit Split { get; }

    /// <summary>
    /// The name of each input feature, in input order: the target, the feature columns (a categorical one as
    /// <c>column=category</c> per category), then under <see cref="MissingValuePolicy.Mask"/> <c>column missing</c> indicators.
    /// </summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>F: the features of each input step.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>W: the steps of each input window.</summary>
    public int WindowLength => Options.WindowLength;

    /// <summary>H: the target values each example predicts.</summary>
    public int Horizon => Options.Horizon;

    /// <summary>What was learned on the training rows (scaler, categories, masked columns): save it with the model.</summary>
    public SeriesPreprocessing Preprocessing { get; }

    /// <summary>The standardisation of the numeric columns (target first), learned on the training rows.</summary>
    public FeatureScaler Scaler => Preprocessing.Scaler;

    /// <summary>The one-hot encodings of the categorical columns, learned on the training rows.</summary>
    public IReadOnlyList<CategoryEncoding> Categories => Preprocessing.Categories;

    /// <summary>The columns that got a "was missing" indicator feature (<see cref="MissingValuePolicy.Mask"/> only).</summary>
    public IReadOnlyList<string> MaskedColumns => Preprocessing.MaskedColumns;

    /// <summary>The training examples.</summary>
    public WindowedPart Train { get; }

    /// <summary>The validation examples (none when <see cref="WindowOptions.ValidationFraction"/> is 0).</summary>
    public WindowedPart Validation { get; }

    /// <summary>The test examples.</summary>
    public WindowedPart Test { get; }

    /// <summary>The examples of <paramref name="part"/>.</summary>
    public WindowedPart Part(SeriesPart part) => part switch
    {
        SeriesPart.Train => Train,
        SeriesPart.Validation => Validation,
        _ => Test,
    };
}
