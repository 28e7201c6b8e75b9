namespace Lstm.Training.Models;

/// <summary>How the head reads the last recurrent layer's outputs over time.</summary>
public enum PoolingKind
{
    /// <summary>The last state (Keras <c>return_sequences=False</c>); a backward direction's last state is the one after reading the first step.</summary>
    Last,

    /// <summary>Keras <c>GlobalMaxPooling1D</c> over the steps (masked steps excluded).</summary>
    Max,

    /// <summary>Keras <c>GlobalAveragePooling1D</c> over the steps (masked steps excluded).</summary>
    Mean,
}
