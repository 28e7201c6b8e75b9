namespace Lstm.Training.Text;

/// <summary>Which end of a sequence padding is added to, or truncation removes from (Keras <c>'pre'</c> / <c>'post'</c>).</summary>
public enum PaddingSide
{
    /// <summary>The front: padding goes before the ids; truncation drops the first ids and keeps the last ones.</summary>
    Pre,

    /// <summary>The back: padding goes after the ids; truncation drops the last ids and keeps the first ones.</summary>
    Post,
}
