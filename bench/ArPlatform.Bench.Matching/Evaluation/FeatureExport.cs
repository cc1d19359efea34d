using System.Globalization;
using ArPlatform.Bench.Matching.Labelling;

namespace ArPlatform.Bench.Matching.Evaluation;

/// <summary>
/// A labelled dataset for fitting a confidence model later: one row per (payment, proposal),
/// with only what is observable from outside the engine — its confidence, outcome and allocation
/// count, the competition (how many proposals, how far the top is ahead, how far this one is
/// behind), what the payment carried (payer name, payer account, remittance lines) — and the
/// label: 1 when the proposal is the truth.
/// </summary>
public static class FeatureExport
{
    public const string Header =
        "generator,split,seed,file,payment,category,identifiable,rank,proposals,confidence,top_gap,behind_top,outcome,allocations," +
        "payer_name,payer_account,remittance_lines,auto_applied,label";

    public static int Write(string path, IEnumerable<Evaluated> payments)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        var rows = 0;
        foreach (var p in payments)
        {
            var proposals = p.Decision.Proposals;
            if (proposals.Count == 0) continue;
            var top = proposals[0].Confidence;
            var gap = proposals.Count > 1 ? top - proposals[1].Confidence : top;
            for (var rank = 0; rank < proposals.Count; rank++)
            {
                var proposal = proposals[rank];
                writer.WriteLine(string.Join(",",
                    p.Scenario.Generator, p.Scenario.Split.Label(), I(p.Scenario.Seed), p.File, I(p.Ordinal), p.Truth.Category,
                    B(p.Truth.Category.Identifiable()), I(rank + 1), I(proposals.Count), D(proposal.Confidence), D(gap), D(top - proposal.Confidence),
                    proposal.Outcome, I(proposal.Allocations.Count), B(p.Payment.PayerName.Length > 0), B(p.Payment.PayerAccount.Length > 0),
                    I(p.Payment.Remittance.Count), B(ReferenceEquals(proposal, p.Decision.AutoApply)), B(p.IsTruth(proposal))));
                rows++;
            }
        }
        return rows;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string D(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
    private static string B(bool value) => value ? "1" : "0";
}
