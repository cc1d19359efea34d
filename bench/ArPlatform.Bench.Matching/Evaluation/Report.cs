using System.Globalization;
using System.Text;
using ArPlatform.Bench.Matching.Labelling;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.Bench.Matching.Evaluation;

/// <summary>The accuracy report: by generator, by category, overall, at precision targets, and the calibration of stated confidence.</summary>
public static class Report
{
    private static readonly decimal[] Targets = [0.999m, 0.995m, 0.99m];

    public static string Write(IReadOnlyList<Evaluated> payments, string split, int seed, MatchPolicy policy, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        var scenarios = payments.Select(p => p.Scenario).Distinct().ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Matching accuracy — split: {split}, seed {seed}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{payments.Count} payments in {scenarios.Count} scenarios; policy: auto-apply at ≥ {(policy.AutoApplyThreshold ?? ConfidenceModel.Shipped.AutoApplyThreshold):0.00} and {policy.AutoApplyMargin:0.00} ahead of the next; " +
            $"decided in {elapsed.TotalSeconds:0.0} s (generation, parsing and matching).");
        text.AppendLine();

        var overall = Tally.Of(payments);
        text.AppendLine("## Overall");
        text.AppendLine();
        text.Append(new Table("payments", "identifiable", "auto-applied", "applied right", "precision", "auto-match of identifiable", "applied of all")
            .Row(overall.Payments, overall.Identifiable, overall.Applied, overall.Correct, overall.Precision, overall.AutoMatch,
                Table.Percent(overall.Applied, overall.Payments)));
        text.AppendLine();

        text.AppendLine("## By scenario");
        text.AppendLine();
        var byScenario = new Table("generator", "split", "seed", "files", "payments", "identifiable", "auto-applied", "applied right", "precision", "auto-match");
        foreach (var scenario in scenarios)
        {
            var t = Tally.Of(payments.Where(p => p.Scenario == scenario));
            byScenario.Row(scenario.Generator, scenario.Split.Label(), scenario.Seed, scenario.Files.Count, t.Payments, t.Identifiable, t.Applied, t.Correct, t.Precision, t.AutoMatch);
        }
        text.Append(byScenario);
        text.AppendLine();

        text.AppendLine("## By generator and category");
        text.AppendLine();
        var byCategory = new Table("generator", "category", "payments", "auto-applied", "applied right", "precision", "auto-match");
        foreach (var generator in scenarios.Select(s => s.Generator).Distinct().Append("all"))
        {
            var theirs = payments.Where(p => generator == "all" || p.Scenario.Generator == generator).ToList();
            foreach (var category in Enum.GetValues<Category>())
            {
                var t = Tally.Of(theirs.Where(p => p.Truth.Category == category));
                if (t.Payments > 0)
                    byCategory.Row(generator, category.Label(), t.Payments, t.Applied, t.Correct, t.Precision, category.Identifiable() ? t.AutoMatch : "n/a");
            }
        }
        text.Append(byCategory);
        text.AppendLine();

        text.AppendLine(CultureInfo.InvariantCulture,
            $"## Threshold for a precision target (top proposal's confidence swept, margin {policy.AutoApplyMargin:0.00} kept; index consumption as decided at {(policy.AutoApplyThreshold ?? ConfidenceModel.Shipped.AutoApplyThreshold):0.00})");
        text.AppendLine();
        var sweep = new Table("target precision", "lowest threshold holding it", "would apply", "precision there", "identifiable applied right");
        foreach (var target in Targets)
        {
            var point = ThresholdSweep.Lowest(payments, target, policy.AutoApplyMargin);
            if (point is null) sweep.Row(Table.Percent((int)(target * 1000), 1000), "none", 0, "–", "–");
            else sweep.Row(Table.Percent((int)(target * 1000), 1000), point.Threshold, point.Applied, Table.Percent(point.Correct, point.Applied),
                Table.Percent(point.Correct, point.Identifiable));
        }
        text.Append(sweep);
        text.AppendLine();

        text.AppendLine("## Taught once, then automatic");
        text.AppendLine();
        text.AppendLine("Each identifiable payment left to a person, applied by them; what that teaches (the payer's account, a name unlike the customer's); the same payment decided again with the lessons.");
        text.AppendLine();
        var teaching = new Table("generator", "left to a person", "taught something", "then automatic, right", "then wrong", "taught once, then automatic");
        var rates = Teaching.Rates(payments, policy);
        foreach (var rate in rates.Append(new TaughtRate("all", rates.Sum(r => r.LeftToAPerson), rates.Sum(r => r.Taught), rates.Sum(r => r.ThenAutomatic), rates.Sum(r => r.ThenWrong))))
            teaching.Row(rate.Generator, rate.LeftToAPerson, rate.Taught, rate.ThenAutomatic, rate.ThenWrong, Table.Percent(rate.ThenAutomatic, rate.Taught));
        text.Append(teaching);
        text.AppendLine();

        text.AppendLine("## Calibration of the top proposal");
        text.AppendLine();
        var calibration = new Table("stated confidence", "top proposals", "right", "observed share right", "mean stated");
        foreach (var band in Calibration.Bands(payments))
            calibration.Row(band.Name, band.Proposals, band.Correct, Table.Percent(band.Correct, band.Proposals), band.Proposals == 0 ? "–" : band.MeanStated.ToString("0.000", CultureInfo.InvariantCulture));
        text.Append(calibration);
        text.AppendLine(CultureInfo.InvariantCulture, $"\n{payments.Count(p => p.Top is null)} payments had no proposal at all.");
        return text.ToString();
    }
}
