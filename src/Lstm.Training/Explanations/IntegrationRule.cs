namespace Lstm.Training.Explanations;

/// <summary>How integrated gradients approximates the path integral from its gradients at a few points.</summary>
public enum IntegrationRule
{
    /// <summary>Riemann midpoint rule: gradients at α = (k + ½)/m for k = 0 … m − 1 (m points). The default.</summary>
    Midpoint,

    /// <summary>Trapezoid rule: gradients at α = k/m for k = 0 … m, the two ends weighted ½ (m + 1 points).</summary>
    Trapezoid,
}
