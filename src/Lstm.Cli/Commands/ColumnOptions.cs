using System.CommandLine;
using Lstm.Training.Data;

namespace Lstm.Cli.Commands;

/// <summary>
/// <c>--label-column</c> and <c>--text-column</c>: where the label and the text are in a labelled .tsv/.txt/.csv file,
/// each a header name or a 1-based index (<see cref="LabelledTextFileOptions"/>).
/// </summary>
internal sealed class ColumnOptions
{
    /// <summary>Builds both options; <paramref name="defaults"/> ends their descriptions, e.g. <c>Default: 1</c>.</summary>
    /// <param name="files">Which files they apply to, e.g. <c>a labelled --data/--validation file</c>.</param>
    /// <param name="defaults">Describes the default given the default index: <c>"1"</c> → <c>Default: 1</c>.</param>
    public ColumnOptions(string files, Func<string, string> defaults)
    {
        Label = Create("--label-column", "label", files, defaults(LabelledTextFileOptions.DefaultLabelColumn));
        Text = Create("--text-column", "text", files, defaults(LabelledTextFileOptions.DefaultTextColumn));
    }

    /// <summary><c>--label-column</c>.</summary>
    public Option<string?> Label { get; }

    /// <summary><c>--text-column</c>.</summary>
    public Option<string?> Text { get; }

    /// <summary>The columns a parsed command line asks for, each falling back to <paramref name="fallback"/>'s when not given.</summary>
    public LabelledTextFileOptions Read(ParseResult parseResult, LabelledTextFileOptions fallback) => new()
    {
        LabelColumn = parseResult.GetValue(Label) ?? fallback.LabelColumn,
        TextColumn = parseResult.GetValue(Text) ?? fallback.TextColumn,
    };

    private static Option<string?> Create(string name, string role, string files, string defaults) => new Option<string?>(name)
    {
        Description = $"Column of the {role} in {files}: a header name, or a 1-based index (digits are a header name only when the header has that name). {defaults}",
        HelpName = "name|index",
    }.Must(v => v is null || LabelledTextFileOptions.IsValidColumn(v), "must be a header name or a 1-based column index");
}
