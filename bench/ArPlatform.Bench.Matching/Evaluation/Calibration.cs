namespace ArPlatform.Bench.Matching.Evaluation;

/// <summary>One band of stated confidence and how often the top proposals stated in it were right.</summary>
public sealed record CalibrationBand(decimal From, decimal To, int Proposals, int Correct, decimal MeanStated)
{
    public string Name => To > 1m ? $"[{From:0.00}, 1.00]" : $"[{From:0.00}, {To:0.00})";
}

/// <summary>Stated confidence of each payment's top proposal against the share of them that were the truth.</summary>
public static class Calibration
{
    private static readonly decimal[] Edges = [0m, 0.5m, 0.8m, 0.9m, 0.95m, 0.98m, 0.99m, 1.01m];

    public static List<CalibrationBand> Bands(IEnumerable<Evaluated> payments)
    {
        var tops = payments.Where(p => p.Top is not null).ToList();
        return Edges.Zip(Edges.Skip(1), (from, to) =>
        {
            var band = tops.Where(p => p.Top!.Confidence >= from && p.Top.Confidence < to).ToList();
            return new CalibrationBand(from, to, band.Count, band.Count(p => p.TopCorrect),
                band.Count == 0 ? 0m : band.Average(p => p.Top!.Confidence));
        }).ToList();
    }
}
