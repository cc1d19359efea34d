using System.Globalization;
using ArPlatform.Bench.Matching.Evaluation;
using ArPlatform.Bench.Matching.Labelling;
using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Matching;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ArPlatform.Bench.Matching.Training;

/// <summary>
/// Trains the confidence model the engine ships: a logistic regression (ML.NET, L-BFGS) over the
/// evidence of every proposal the engine makes on the tuning generators' scenarios, labelled by
/// whether it is the truth; then picks the auto-apply bar on validation scenarios (the same
/// generators at seeds training never saw) as the lowest confidence at which precision holds the
/// target. The held-out split is never read here.
/// </summary>
public static class ConfidenceTraining
{
    private const int TrainingSeeds = 4;
    private const int FirstTrainingSeed = 101;
    private const int FirstValidationSeed = 201;
    private const int ValidationSeeds = 2;

    /// <summary>
    /// The bar is never lower, whatever validation allows: below it the model vouches for evidence
    /// only our generators' habits make reliable (an over-pay, a slip from a stranger).
    /// </summary>
    private const decimal LowestBar = 0.90m;

    private sealed class Row
    {
        public float[] Features { get; init; } = [];
        public bool Label { get; init; }
    }

    public static (ConfidenceModel Model, string Report) Train(int paymentsPerSeed, decimal targetPrecision)
    {
        var policy = new MatchPolicy();
        var outcomes = new OutcomePolicy();
        // Training sees what the rules propose (their own scores deciding what applies in the replay).
        var rules = Rules();
        var training = Evaluate(FirstTrainingSeed, TrainingSeeds, paymentsPerSeed, policy, outcomes, rules);
        var rows = training.SelectMany(p => p.Decision.Proposals.Select(proposal => new Row
        {
            Features = ConfidenceModel.Features(proposal.Evidence), Label = p.IsTruth(proposal),
        })).ToList();

        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ConfidenceModel.FeatureNames.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label), FeatureColumnName = nameof(Row.Features), L2Regularization = 0.01f, L1Regularization = 0f,
        });
        var fitted = trainer.Fit(data).Model;
        var linear = fitted.SubModel;
        var platt = fitted.Calibrator;
        // P = 1 / (1 + exp(slope·s + offset)) with s = w·x + b, written as one sigmoid of z = w'·x + b'.
        var weights = linear.Weights.Select(w => -(double)platt.Slope * w).ToList();
        var bias = -((double)platt.Slope * linear.Bias + platt.Offset);

        var draft = new ConfidenceModel(weights, bias, 1m, "");
        var validation = Evaluate(FirstValidationSeed, ValidationSeeds, paymentsPerSeed, new MatchPolicy { AutoApplyThreshold = 0.99m }, outcomes, draft);
        var swept = ThresholdSweep.Lowest(validation, targetPrecision, policy.AutoApplyMargin)
                    ?? throw new InvalidOperationException($"no confidence holds {targetPrecision:P1} precision on validation");
        var bar = swept.Threshold >= LowestBar ? swept : ThresholdSweep.At(validation, LowestBar, policy.AutoApplyMargin);
        var identifiable = validation.Count(p => p.Truth.CustomerId is not null);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"logistic regression (ML.NET L-BFGS) over {rows.Count} proposals ({rows.Count(r => r.Label)} right) for {training.Count} payments of the tuning generators, seeds {FirstTrainingSeed}–{FirstTrainingSeed + TrainingSeeds - 1}; " +
            $"bar {bar.Threshold:0.000} (validation allowed {swept.Threshold:0.000}; never below {LowestBar:0.00}) chosen on {validation.Count} validation payments (seeds {FirstValidationSeed}–{FirstValidationSeed + ValidationSeeds - 1}) for {targetPrecision:P1} precision: " +
            $"{bar.Correct} of {bar.Applied} applied right, {(decimal)bar.Correct / Math.Max(1, identifiable):P1} of {identifiable} identifiable");
        var model = new ConfidenceModel(weights, bias, bar.Threshold, description);
        var report = $"# Confidence model\n\n{description}\n\n| feature | weight |\n| --- | ---: |\n" +
                     string.Join("\n", ConfidenceModel.FeatureNames.Select((name, i) => string.Create(CultureInfo.InvariantCulture, $"| {name} | {weights[i]:0.000} |"))) +
                     string.Create(CultureInfo.InvariantCulture, $"\n| (bias) | {bias:0.000} |\n");
        return (model, report);
    }

    /// <summary>The rules' own scores as a model: weight 1 on their logit, nothing else.</summary>
    private static ConfidenceModel Rules() =>
        new([.. ConfidenceModel.FeatureNames.Select(name => name == "rule_logit" ? 1.0 : 0.0)], 0, 0.95m, "the rules' own scores");

    private static List<Evaluated> Evaluate(int firstSeed, int seeds, int paymentsPerSeed, MatchPolicy policy, OutcomePolicy outcomes, ConfidenceModel model) =>
        Enumerable.Range(firstSeed, seeds)
            .SelectMany(seed => Scenarios.Generate(paymentsPerSeed, seed, Split.Tuning))
            .SelectMany(scenario => Replay.Run(scenario, policy, outcomes, model))
            .ToList();
}
