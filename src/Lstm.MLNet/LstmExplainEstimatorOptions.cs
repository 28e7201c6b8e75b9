using Lstm.Training.Explanations;

namespace Lstm.MLNet;

public sealed partial class LstmExplainEstimator
{
    /// <summary>Settings of <c>mlContext.Transforms.ExplainLstm(…)</c>: the columns read and added, and how the integral is taken.</summary>
    public sealed class Options
    {
        /// <summary>The String column holding the text. Default "Text".</summary>
        public string InputColumnName { get; set; } = "Text";

        /// <summary>
        /// The added variable-length <c>Vector&lt;String&gt;</c> column: the text's tokens as the model reads them (normalised
        /// words, or subword pieces; after truncation to the maximum length; the start token left out). Default "Tokens".
        /// </summary>
        public string TokensColumnName { get; set; } = "Tokens";

        /// <summary>
        /// The added variable-length <c>Vector&lt;Single&gt;</c> column: one integrated-gradients attribution per token, in
        /// the order of <see cref="TokensColumnName"/>, in the explained output's units (logit, or value for regression).
        /// Default "Attributions".
        /// </summary>
        public string AttributionsColumnName { get; set; } = "Attributions";

        /// <summary>
        /// The added Single column with the completeness check's relative error, |Σ attributions − (f(x) − f(baseline))| /
        /// |f(x) − f(baseline)| over every step (the start id's too): small means <see cref="Steps"/> was enough. Null for no
        /// such column. Default "AttributionCompleteness".
        /// </summary>
        public string? CompletenessColumnName { get; set; } = "AttributionCompleteness";

        /// <summary>Intervals the path from the baseline to the input is cut into, 1 to 1,024. Default 32.</summary>
        public int Steps { get; set; } = IntegratedGradientsOptions.DefaultSteps;

        /// <summary>Where the path starts: the padding id's embedding or zeros. Default <see cref="AttributionBaseline.Padding"/>.</summary>
        public AttributionBaseline Baseline { get; set; } = AttributionBaseline.Padding;

        /// <summary>
        /// Multi-class models only: the class whose logit is explained, by name (see <see cref="LstmTransformer.ClassNames"/>).
        /// Default null: each row's predicted class.
        /// </summary>
        public string? ClassName { get; set; }

        /// <summary>
        /// The head output explained, by index: a regression model's target, or a multi-class model's class. Default null:
        /// output 0 (binary, regression) or the predicted class (multi-class). Not with <see cref="ClassName"/>.
        /// </summary>
        public int? OutputIndex { get; set; }
    }
}
