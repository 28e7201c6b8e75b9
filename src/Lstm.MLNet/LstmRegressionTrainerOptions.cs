using Lstm.Training.Models;

namespace Lstm.MLNet;

public sealed partial class LstmRegressionTrainer
{
    /// <summary>
    /// Settings of <see cref="LstmRegressionTrainer"/>: the shared ones of <see cref="LstmTrainerOptionsBase"/> (defaults
    /// the seed program's, with a linear <c>Dense(K)</c> head and mean squared error); the label column is Single, or a
    /// known-size Vector&lt;Single&gt; of K values per row for K outputs. Early stopping watches "val_loss", "loss",
    /// "val_mae" or "mae".
    /// </summary>
    public sealed class Options : LstmTrainerOptionsBase
    {
        private protected override TaskKind Task => TaskKind.Regression;
    }
}
