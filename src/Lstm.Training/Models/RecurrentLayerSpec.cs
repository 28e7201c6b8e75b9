using System.Text.Json.Serialization;
namespace Lstm.Training.Models;

/// <summary>
/// One recurrent layer: Keras's <c>LSTM</c>, <c>GRU</c> or <c>SimpleRNN</c> with <c>units</c>, <c>dropout</c> and
/// <c>recurrent_dropout</c>, optionally wrapped in <c>Bidirectional(…, merge_mode="concat")</c>. Every layer but the
/// last of a stack returns its sequences (Keras <c>return_sequences=True</c>); the last one's use is the network's
/// <see cref="NetworkSpec.Pooling"/>. Defaults are the seed's <c>LSTM(128, dropout=0.2, recurrent_dropout=0.2)</c>.
/// </summary>
public sealed record RecurrentLayerSpec
{
    /// <summary>The cell. Default <see cref="RecurrentKind.Lstm"/>.</summary>
    public RecurrentKind Kind { get; init; } = RecurrentKind.Lstm;

    /// <summary>Hidden state size per direction (Keras <c>units</c>). Default 128.</summary>
    public int Units { get; init; } = SeedDefaults.Units;

    /// <summary>Fraction of the layer's inputs dropped while training, one mask per sequence. Default 0.2.</summary>
    public float Dropout { get; init; } = SeedDefaults.Dropout;

    /// <summary>Fraction of the recurrent state dropped while training, one mask per sequence. Default 0.2.</summary>
    public float RecurrentDropout { get; init; } = SeedDefaults.RecurrentDropout;

    /// <summary>Run a second copy of the layer from the last step to the first and concatenate both outputs. Default false.</summary>
    public bool Bidirectional { get; init; }

    /// <summary>Directions (1 or 2).</summary>
    [JsonIgnore]
    public int Directions => Bidirectional ? 2 : 1;

    /// <summary>Output width per step: <see cref="Units"/> × <see cref="Directions"/>.</summary>
    [JsonIgnore]
    public int OutputWidth => Units * Directions;

    /// <summary>Pre-activation columns per step: 4·units (LSTM), 3·units (GRU) or units (SimpleRNN).</summary>
    [JsonIgnore]
    public int GateWidth => Kind switch
    {
        RecurrentKind.Lstm => 4 * Units,
        RecurrentKind.Gru => 3 * Units,
        _ => Units,
    };

    /// <summary>Keras's layer name: <c>lstm</c>, <c>gru</c> or <c>simple_rnn</c>.</summary>
    [JsonIgnore]
    public string KerasName => Kind switch
    {
        RecurrentKind.Lstm => "lstm",
        RecurrentKind.Gru => "gru",
        _ => "simple_rnn",
    };

    internal void Validate(int index)
    {
        string at = $"Recurrent[{index}]";
        if (!Enum.IsDefined(Kind)) throw new ArgumentOutOfRangeException(nameof(Kind), Kind, $"{at}.Kind is not a known recurrent layer.");
        if (Units is < 1 or > NetworkSpec.MaxUnits) throw new ArgumentOutOfRangeException(nameof(Units), Units, $"{at}.Units must be in [1, {NetworkSpec.MaxUnits}].");
        if (!(Dropout is >= 0f and < 1f)) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, $"{at}.Dropout must be in [0, 1).");
        if (!(RecurrentDropout is >= 0f and < 1f)) throw new ArgumentOutOfRangeException(nameof(RecurrentDropout), RecurrentDropout, $"{at}.RecurrentDropout must be in [0, 1).");
    }

    /// <summary>Keras's call, e.g. <c>Bidirectional(LSTM(64, dropout=0.2, recurrent_dropout=0.2))</c>.</summary>
    public string Describe(bool returnSequences)
    {
        string name = Kind switch { RecurrentKind.Lstm => "LSTM", RecurrentKind.Gru => "GRU", _ => "SimpleRNN" };
        string args = FormattableString.Invariant($"{Units}, dropout={Dropout}, recurrent_dropout={RecurrentDropout}") + (returnSequences ? ", return_sequences=True" : "");
        string layer = $"{name}({args})";
        return Bidirectional ? $"Bidirectional({layer})" : layer;
    }
}
