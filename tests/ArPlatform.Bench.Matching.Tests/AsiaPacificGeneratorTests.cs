using ArPlatform.Bench.Matching.Evaluation;
using ArPlatform.Bench.Matching.Generators;
using ArPlatform.Bench.Matching.Labelling;
using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.Bench.Matching.Tests;

/// <summary>
/// The held-out Asia-Pacific world at the size it has on the bench (a sixth of 6000 payments, at
/// the bench's held-out seed): every file reads with the real parsers into exactly the payments
/// it labelled, and its labels hold.
/// </summary>
public sealed class AsiaPacificGeneratorTests
{
    private static readonly LabelledScenario Scenario = new AsiaPacificGenerator().Generate(1_000, 7 * 1_000 + 503, Split.HeldOut);

    [Fact]
    public void Is_held_out_only_and_registered_after_the_others()
    {
        Assert.True(new AsiaPacificGenerator().HeldOutOnly);
        // Registered after the generators it came after, so their seeds do not change; only uk-india-latam, written later, follows it.
        Assert.Equal(["asia-pacific", "uk-india-latam"], Scenarios.Generators.TakeLast(2).Select(g => g.Name));
        Assert.DoesNotContain(Scenarios.Plan(7), p => p.Generator.HeldOutOnly && p.Split == Split.Tuning);
    }

    [Fact]
    public void Its_bai2_camt053_and_mt940_files_read_into_exactly_the_payments_labelled()
    {
        var read = Scenario.Files.ToDictionary(f => f.Name, Replay.Payments); // throws when a file does not parse or count

        Assert.Equal(1_000, read.Values.Sum(p => p.Count));
        Assert.Equal([BankFileFormat.Bai2, BankFileFormat.Camt053, BankFileFormat.Mt940], Scenario.Files.Select(f => f.Format).Distinct().Order());
        foreach (var file in Scenario.Files)
            Assert.All(read[file.Name], p => Assert.True(p.Amount > 0m));
    }

    [Fact]
    public void Identifiable_labels_name_open_invoices_in_the_payment_s_currency_and_cash_within_what_is_open()
    {
        var invoices = Scenario.Context.OpenInvoices.ToDictionary(i => i.Id);
        var paid = new Dictionary<string, decimal>();
        foreach (var file in Scenario.Files)
        {
            var payments = Replay.Payments(file);
            for (var i = 0; i < payments.Count; i++)
            {
                var truth = file.Credits[i];
                if (!truth.Category.Identifiable())
                {
                    Assert.Null(truth.CustomerId);
                    continue;
                }
                foreach (var line in truth.Lines)
                {
                    var invoice = invoices[line.InvoiceId];
                    Assert.Equal((truth.CustomerId, payments[i].Currency), (invoice.CustomerId, invoice.Currency));
                    paid[invoice.Id] = paid.GetValueOrDefault(invoice.Id) + line.Cash;
                    Assert.True(paid[invoice.Id] <= invoice.OpenAmount, $"{invoice.Number} is paid more than it has open");
                }
            }
        }
    }

    [Fact]
    public void It_labels_every_category_and_a_fair_share_not_identifiable()
    {
        var labels = Scenario.Files.SelectMany(f => f.Credits).ToList();

        Assert.Equal(Enum.GetValues<Category>().Order(), labels.Select(t => t.Category).Distinct().Order());
        var notIdentifiable = labels.Count(t => !t.Category.Identifiable());
        Assert.InRange(notIdentifiable, 100, 400);
    }
}
