using System.Globalization;

namespace Lstm.Cli.Explain;

/// <summary>
/// How strongly a token is coloured: its attribution over the text's largest |attribution|, so that every text uses
/// the full scale; green for tokens that pushed the output up, red for those that pushed it down.
/// </summary>
internal static class TokenShading
{
    /// <summary>|<paramref name="attribution"/>| / <paramref name="largest"/>, in [0, 1]; 0 when the text has no attribution.</summary>
    public static double Strength(double attribution, double largest) => largest > 0 ? Math.Min(1, Math.Abs(attribution) / largest) : 0;

    /// <summary>The background as RGB: white at strength 0, pure green (positive) or red (negative) at 1.</summary>
    public static (int Red, int Green, int Blue) Background(double attribution, double largest)
    {
        double s = Strength(attribution, largest);
        int fade = (int)Math.Round(255 * (1 - s));
        return attribution >= 0 ? (fade, 255 - (int)Math.Round(80 * s), fade) : (255 - (int)Math.Round(55 * s), fade, fade);
    }

    /// <summary>A signed number as the reports print it: <c>+0.123</c>, <c>-1.500</c>.</summary>
    public static string Signed(double value) => value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
}
