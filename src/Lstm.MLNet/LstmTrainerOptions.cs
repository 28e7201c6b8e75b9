using Lstm.Training.Models;

namespace Lstm.MLNet;

public sealed partial class LstmTrainer
{
    /// <summary>
    /// Settings of <see cref="LstmTrainer"/>: the shared ones of <see cref="LstmTrainerOptionsBase"/> (every default the
    /// Keras program this project reproduces: <c>Embedding(10000, 128)</c> → <c>LSTM(128, dropout=0.2,
    /// recurrent_dropout=0.2)</c> → <c>Dense(1, sigmoid)</c>, <c>pad_sequences(maxlen=500)</c>, Adam(0.001), batch 32,
    /// 10 epochs), a Boolean label column and binary class weights.
    /// </summary>
    public sealed class Options : LstmTrainerOptionsBase
    {
        /// <summary>
        /// Keras's <c>class_weight</c>: each label value's loss is multiplied by its weight (a value not listed weighs 1),
        /// on top of the example weights, e.g. <c>{ [true] = 3f }</c> to count positive rows three times. Default null.
        /// </summary>
        public IReadOnlyDictionary<bool, float>? ClassWeight { get; set; }

        private protected override TaskKind Task => TaskKind.BinaryClassification;

        private protected override IReadOnlyDictionary<int, float>? ClassWeightsForValidation() => ClassWeightByIndex();

        /// <summary><see cref="ClassWeight"/> by the core's class index: false is 0, true is 1.</summary>
        internal IReadOnlyDictionary<int, float>? ClassWeightByIndex() =>
            ClassWeight?.ToDictionary(pair => pair.Key ? 1 : 0, pair => pair.Value);
    }
}
