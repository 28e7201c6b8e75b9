using Lstm.Training.Explanations;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Text;

namespace Lstm.MLNet.Explaining;

/// <summary>
/// An exported text model imported back into the .NET network and its vectorizer, with the checked explanation
/// settings: everything an <see cref="TextExplainer"/> per cursor needs. Read-only once made, so cursors share it.
/// </summary>
internal sealed class ExplainerModel
{
    private ExplainerModel(OnnxImportedModel imported, IntegratedGradientsOptions integrated)
    {
        Network = imported.Network;
        Vectorizer = imported.Vectorizer;
        Integrated = integrated;
    }

    /// <summary>The network explained.</summary>
    public SequenceNetwork Network { get; }

    /// <summary>How texts become ids, as the model was trained.</summary>
    public TextVectorizer Vectorizer { get; }

    /// <summary>Steps, baseline and output of every explanation.</summary>
    public IntegratedGradientsOptions Integrated { get; }

    /// <summary>A new explainer (not thread-safe: one per cursor or row).</summary>
    public TextExplainer CreateExplainer() => new(Vectorizer, Network);

    /// <summary>Imports <paramref name="onnx"/> (an exported text model, already checked) and resolves <paramref name="options"/>' output.</summary>
    /// <exception cref="ArgumentException">A setting is invalid for this model; the message names it.</exception>
    public static ExplainerModel Create(byte[] onnx, string source, LstmExplainEstimator.Options options)
    {
        var imported = OnnxImporter.Import(onnx, source);
        var integrated = new IntegratedGradientsOptions { Steps = options.Steps, Baseline = options.Baseline, Output = Output(imported.Network.Spec, options) };
        try
        {
            integrated.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException(e.Message, e.ParamName, e);
        }
        return new ExplainerModel(imported, integrated);
    }

    private static int? Output(NetworkSpec spec, LstmExplainEstimator.Options options)
    {
        if (options.ClassName is { } name)
        {
            if (options.OutputIndex is not null)
                throw new ArgumentException("Set ClassName or OutputIndex, not both.", nameof(options));
            if (spec.Task != TaskKind.MulticlassClassification)
                throw new ArgumentException($"ClassName '{name}' names a class, but the model is {spec.Task} (only multi-class models have classes; use OutputIndex for a regression target).", nameof(options));
            var names = spec.ClassNames ?? [.. Enumerable.Range(0, spec.Outputs).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            int index = names.ToList().IndexOf(name);
            if (index < 0) throw new ArgumentException($"ClassName '{name}' is not a class of the model; its classes are {string.Join(", ", names)}.", nameof(options));
            return index;
        }
        if (options.OutputIndex is { } output && (output < 0 || output >= spec.Outputs))
            throw new ArgumentException($"OutputIndex {output} does not exist: {spec.Describe()} has {spec.Outputs} output(s), 0 to {spec.Outputs - 1}.", nameof(options));
        return options.OutputIndex;
    }
}
