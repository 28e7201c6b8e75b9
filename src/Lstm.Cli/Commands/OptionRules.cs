using System.CommandLine;
using System.Globalization;

namespace Lstm.Cli.Commands;

/// <summary>Range checks on option values that the parser reports as errors: <c>--epochs must be at least 1, got 0.</c></summary>
internal static class OptionRules
{
    /// <summary>The value must be at least <paramref name="minimum"/>.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum) =>
        option.Must(v => v >= minimum, $"must be at least {minimum}");

    /// <summary>The value must be in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<int> Between(this Option<int> option, int minimum, int maximum) =>
        option.Must(v => v >= minimum && v <= maximum, string.Create(CultureInfo.InvariantCulture, $"must be from {minimum} to {maximum:N0}"));

    /// <summary>The value, when given, must be at least <paramref name="minimum"/>.</summary>
    public static Option<int?> AtLeast(this Option<int?> option, int minimum) =>
        option.Must(v => v is null || v >= minimum, $"must be at least {minimum}");

    /// <summary>The value must be in [<paramref name="minimum"/>, <paramref name="maximumExclusive"/>).</summary>
    public static Option<float> InRange(this Option<float> option, float minimum, float maximumExclusive) =>
        option.Must(v => v >= minimum && v < maximumExclusive, string.Create(CultureInfo.InvariantCulture, $"must be in [{minimum}, {maximumExclusive})"));

    /// <summary>The value must be in [<paramref name="minimum"/>, <paramref name="maximumExclusive"/>).</summary>
    public static Option<double> InRange(this Option<double> option, double minimum, double maximumExclusive) =>
        option.Must(v => v >= minimum && v < maximumExclusive, string.Create(CultureInfo.InvariantCulture, $"must be in [{minimum}, {maximumExclusive})"));

    /// <summary>The value must be a positive finite number.</summary>
    public static Option<float> Positive(this Option<float> option) =>
        option.Must(v => v > 0 && float.IsFinite(v), "must be a positive number");

    /// <summary>The value, when given, must be a positive finite number.</summary>
    public static Option<float?> Positive(this Option<float?> option) =>
        option.Must(v => v is null || (v > 0 && float.IsFinite(v.Value)), "must be a positive number");

    /// <summary>Adds a validator: when <paramref name="valid"/> is false the parser reports "<c>--name requirement, got value.</c>".</summary>
    public static Option<T> Must<T>(this Option<T> option, Func<T, bool> valid, string requirement)
    {
        option.Validators.Add(result =>
        {
            T? value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return; // not a T at all: the parser reports that conversion error itself
            }
            if (!valid(value!))
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} {requirement}, got {value}."));
        });
        return option;
    }
}
