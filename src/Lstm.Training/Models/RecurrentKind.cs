namespace Lstm.Training.Models;

/// <summary>The recurrent cell of a layer, as Keras names the layers.</summary>
public enum RecurrentKind
{
    /// <summary>Keras <c>LSTM</c>: gates i, f, c, o; <c>unit_forget_bias</c>.</summary>
    Lstm,

    /// <summary>Keras <c>GRU</c> with <c>reset_after=True</c> (its default): gates z, r, h, input and recurrent biases.</summary>
    Gru,

    /// <summary>Keras <c>SimpleRNN</c>: h_t = tanh(x_t·W + h_{t−1}·U + b).</summary>
    SimpleRnn,
}
