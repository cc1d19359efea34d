using ArPlatform.Bench.Matching.Generators.UkIndiaLatam;
using ArPlatform.Bench.Matching.Labelling;

namespace ArPlatform.Bench.Matching.Generators;

/// <summary>
/// A UK maker of industrial equipment and service contracts, with selling companies in India,
/// Mexico, Brazil and South Africa, and customers in the UK and Ireland, India, Mexico, Brazil,
/// South Africa (and a few US subsidiaries). Each selling company numbers its own invoices
/// (GB1-26-0004512, GB2-26-0001207, IN/2026-27/00871 restarting each Indian fiscal year,
/// MXA-018342, NF-012345, NFS-00451, ZA1-26-004512). The day arrives as a UK bank's camt.053 per
/// currency (BACS and Faster Payments cut to 18 characters, CHAPS, SEPA from Ireland, inward
/// SWIFT with charges taken and amounts converted), an Indian bank's MT940 (NEFT/RTGS/IMPS
/// narratives), a Mexican bank's camt.054 (SPEI and SPID with concept and numeric reference), a
/// Brazilian bank's MT940 (TED, PIX, boleto), a South African bank's camt.053 (EFT with a
/// 20-character reference) and a US lockbox. Payers write numbers every way, deduct TDS,
/// pay instalments, let sister companies pay, and banks drop, mangle and cut their names.
/// Labels are checked against the book (see UkIndiaLatam/Day.cs); held out only.
/// </summary>
public sealed class UkIndiaLatamGenerator : IScenarioGenerator
{
    public string Name => "uk-india-latam";
    public bool HeldOutOnly => true;

    public LabelledScenario Generate(int payments, int seed, Split split) => new Day(payments, seed).Write(Name, split, seed);
}
