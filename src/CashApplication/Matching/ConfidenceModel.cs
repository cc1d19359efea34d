using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// How sure a proposal is, as a probability learned from labelled outcomes: a logistic regression
/// over the proposal's <see cref="MatchEvidence"/>, trained by the accuracy bench
/// (<c>dotnet run -c Release --project bench/ArPlatform.Bench.Matching -- train</c>) and shipped
/// as <c>confidence-model.json</c> beside this file, with the auto-apply bar chosen on a
/// validation set to hold the precision it names. Pure: weights, a dot product, a sigmoid.
/// </summary>
public sealed class ConfidenceModel
{
    /// <summary>The features in the order of the model's weights.</summary>
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "reference_exact", "reference_po", "reference_slip",
        "payer_account", "payer_account_other_name", "payer_same_name", "payer_alike_name", "payer_shared_name", "payer_another_customer",
        "amount_short_with_reason", "amount_short_unexplained", "amount_over", "amount_discount", "amount_combination", "amount_rest_is_open_invoices",
        "unique", "round_sum", "name_score", "invoices", "rule_logit",
    ];

    private readonly double[] _weights;
    private readonly double _bias;

    public ConfidenceModel(IReadOnlyList<double> weights, double bias, decimal autoApplyThreshold, string description)
    {
        if (weights.Count != FeatureNames.Count)
            throw new ArgumentException($"the model has {weights.Count} weights for {FeatureNames.Count} features", nameof(weights));
        _weights = [.. weights];
        _bias = bias;
        AutoApplyThreshold = autoApplyThreshold;
        Description = description;
    }

    /// <summary>The lowest confidence that applies without a person, chosen where validation held the target precision.</summary>
    public decimal AutoApplyThreshold { get; }

    /// <summary>What it was trained on and how it did on validation, for the README and the runbook.</summary>
    public string Description { get; }

    // Before Shipped: static fields initialise in the order they are written.
    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static ConfidenceModel Shipped { get; } = Load(typeof(ConfidenceModel).Assembly.GetManifestResourceStream("confidence-model.json")
        ?? throw new InvalidOperationException("confidence-model.json is not embedded in the CashApplication assembly"));

    /// <summary>The probability that the proposal is right, to three places.</summary>
    public decimal Confidence(MatchEvidence evidence)
    {
        var features = Features(evidence);
        var z = _bias;
        for (var i = 0; i < features.Length; i++) z += _weights[i] * features[i];
        return Math.Round((decimal)(1 / (1 + Math.Exp(-z))), 3);
    }

    /// <summary>The evidence as the model reads it (the trainer writes the same vectors).</summary>
    public static float[] Features(MatchEvidence e)
    {
        static float Is(bool condition) => condition ? 1f : 0f;
        var rule = Math.Clamp((double)e.RuleScore, 0.01, 0.999);
        return
        [
            // An invoice's number alone in the text is read as the model was taught an exact reference; the rules say when it may apply alone.
            Is(e.Reference is ReferenceEvidence.Exact or ReferenceEvidence.NumberInText), Is(e.Reference == ReferenceEvidence.PurchaseOrder), Is(e.Reference == ReferenceEvidence.Slip),
            Is(e.Payer == PayerEvidence.KnownAccount), Is(e.Payer == PayerEvidence.AccountUnderAnotherName), Is(e.Payer == PayerEvidence.SameName), Is(e.Payer == PayerEvidence.AlikeName),
            Is(e.Payer == PayerEvidence.SharedName), Is(e.Payer == PayerEvidence.AnotherCustomer),
            Is(e.Amount == AmountEvidence.ShortWithReason), Is(e.Amount == AmountEvidence.ShortUnexplained), Is(e.Amount == AmountEvidence.Over),
            Is(e.Amount == AmountEvidence.Discount), Is(e.Amount == AmountEvidence.Combination), Is(e.Amount == AmountEvidence.RestIsOpenInvoices),
            Is(e.Unique), Is(e.RoundSum), (float)e.NameScore, Math.Min(e.Invoices, 5) / 5f, (float)Math.Log(rule / (1 - rule)),
        ];
    }

    public static ConfidenceModel Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<ModelFile>(json, FileOptions) ?? throw new InvalidDataException("an empty confidence model");
        if (!file.Features.SequenceEqual(FeatureNames))
            throw new InvalidDataException($"the confidence model was trained on features [{string.Join(", ", file.Features)}], not [{string.Join(", ", FeatureNames)}]: train it again");
        return new ConfidenceModel(file.Weights, file.Bias, file.AutoApplyThreshold, file.Description);
    }

    public void Save(Stream json) => JsonSerializer.Serialize(json,
        new ModelFile([.. FeatureNames], [.. _weights], _bias, AutoApplyThreshold, Description), FileOptions);

    private sealed record ModelFile(List<string> Features, List<double> Weights, double Bias, decimal AutoApplyThreshold, string Description);
}
