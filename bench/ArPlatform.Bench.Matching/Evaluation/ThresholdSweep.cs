using ArPlatform.CashApplication.Matching;

namespace ArPlatform.Bench.Matching.Evaluation;

/// <summary>What applying alone at one threshold would give.</summary>
public sealed record ThresholdPoint(decimal Threshold, int Applied, int Correct, int Identifiable)
{
    public decimal Precision => Applied == 0 ? 1m : (decimal)Correct / Applied;
}

/// <summary>
/// Moves the auto-apply threshold over every stated confidence of the top proposals (the margin
/// to the second proposal kept as the policy has it) and finds, for a precision target, the
/// lowest threshold at which it and every threshold above it hold the target. The payments were
/// decided once, at the policy's own threshold: what a different threshold would have consumed
/// of the index is not replayed, so this is an estimate.
/// </summary>
public static class ThresholdSweep
{
    public static ThresholdPoint? Lowest(IReadOnlyList<Evaluated> payments, decimal targetPrecision, decimal margin)
    {
        var identifiable = payments.Count(p => p.Truth.CustomerId is not null);
        var clear = payments.Where(p => MatchingEngine.MayApplyAlone(p.Decision.Proposals, margin))
            .GroupBy(p => p.Top!.Confidence).OrderByDescending(g => g.Key);
        ThresholdPoint? holding = null;
        var (applied, correct) = (0, 0);
        foreach (var level in clear)
        {
            applied += level.Count();
            correct += level.Count(p => p.TopCorrect);
            var point = new ThresholdPoint(level.Key, applied, correct, identifiable);
            if (point.Precision < targetPrecision) break;
            holding = point;
        }
        return holding;
    }

    /// <summary>What applying at <paramref name="threshold"/> gives on the payments.</summary>
    public static ThresholdPoint At(IReadOnlyList<Evaluated> payments, decimal threshold, decimal margin)
    {
        var applied = payments.Where(p => MatchingEngine.MayApplyAlone(p.Decision.Proposals, margin) && p.Top!.Confidence >= threshold).ToList();
        return new ThresholdPoint(threshold, applied.Count, applied.Count(p => p.TopCorrect), payments.Count(p => p.Truth.CustomerId is not null));
    }
}
