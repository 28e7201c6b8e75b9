using Lstm.Training.Models;

namespace Lstm.MLNet;

public sealed partial class LstmMulticlassTrainer
{
    /// <summary>
    /// Settings of <see cref="LstmMulticlassTrainer"/>: the shared ones of <see cref="LstmTrainerOptionsBase"/> (defaults
    /// the seed program's, with a <c>Dense(K, softmax)</c> head), a key-typed label column and class weights by name.
    /// </summary>
    public sealed class Options : LstmTrainerOptionsBase
    {
        /// <summary>
        /// Keras's <c>class_weight</c> by class name (the label's key values as text): each class's loss is multiplied by
        /// its weight (a class not listed weighs 1), on top of the example weights. Default null.
        /// </summary>
        public IReadOnlyDictionary<string, float>? ClassWeight { get; set; }

        private protected override TaskKind Task => TaskKind.MulticlassClassification;

        // Before the classes are known, the weights are checked under stand-in indices.
        private protected override IReadOnlyDictionary<int, float>? ClassWeightsForValidation() =>
            ClassWeight?.Select((pair, index) => (index, pair.Value)).ToDictionary(p => p.index, p => p.Value);

        /// <summary><see cref="ClassWeight"/> by class index, given the label's class names.</summary>
        /// <exception cref="ArgumentException">A name is not one of <paramref name="classNames"/>.</exception>
        internal IReadOnlyDictionary<int, float>? ClassWeightByIndex(IReadOnlyList<string> classNames)
        {
            if (ClassWeight is null) return null;
            var weights = new Dictionary<int, float>();
            foreach (var (name, weight) in ClassWeight)
            {
                int index = IndexOf(classNames, name);
                if (index < 0)
                    throw new ArgumentException($"ClassWeight names the class '{name}', which the label column '{LabelColumnName}' does not have; its classes are {string.Join(", ", classNames)}.", nameof(ClassWeight));
                weights[index] = weight;
            }
            return weights;
        }

        private static int IndexOf(IReadOnlyList<string> names, string name)
        {
            for (int i = 0; i < names.Count; i++)
                if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
            return -1;
        }
    }
}
