using System.Text;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.CashApplication.Tests.Matching;

public sealed class ConfidenceModelTests
{
    private static readonly MatchEvidence ExactReference =
        new(ReferenceEvidence.Exact, PayerEvidence.SameName, AmountEvidence.Exact, Unique: true, RoundSum: false, 1m, 1, 0.99m);

    private static readonly MatchEvidence AmbiguousAmount =
        new(ReferenceEvidence.None, PayerEvidence.SharedName, AmountEvidence.Exact, Unique: false, RoundSum: true, 0.9m, 1, 0.5m);

    [Fact]
    public void The_shipped_model_loads_and_is_surer_of_an_exact_reference_than_of_an_amount_two_invoices_share()
    {
        var model = ConfidenceModel.Shipped;

        Assert.True(model.Confidence(ExactReference) >= model.AutoApplyThreshold);
        Assert.True(model.Confidence(AmbiguousAmount) < model.AutoApplyThreshold);
        Assert.NotEmpty(model.Description);
    }

    [Fact]
    public void A_model_saved_and_loaded_again_gives_the_same_confidences()
    {
        var model = new ConfidenceModel([.. ConfidenceModel.FeatureNames.Select((_, i) => i * 0.1 - 0.5)], 0.25, 0.97m, "test");
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;

        var loaded = ConfidenceModel.Load(file);

        Assert.Equal((model.Confidence(ExactReference), model.Confidence(AmbiguousAmount), 0.97m),
            (loaded.Confidence(ExactReference), loaded.Confidence(AmbiguousAmount), loaded.AutoApplyThreshold));
    }

    [Fact]
    public void A_model_trained_on_other_features_is_refused_with_a_reason()
    {
        var json = """{ "features": ["reference_exact"], "weights": [1.0], "bias": 0, "autoApplyThreshold": 0.95, "description": "old" }""";

        var refused = Assert.Throws<InvalidDataException>(() => ConfidenceModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("train it again", refused.Message);
    }
}
