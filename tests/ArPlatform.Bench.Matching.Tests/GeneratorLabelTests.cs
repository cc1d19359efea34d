using ArPlatform.Bench.Matching;
using ArPlatform.Bench.Matching.Evaluation;
using ArPlatform.Bench.Matching.Generators;
using ArPlatform.Bench.Matching.Labelling;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.Bench.Matching.Tests;

/// <summary>
/// The measuring stick is only as good as its labels: every generator's files must read with the
/// real parsers into exactly the payments it labelled, and every label must be possible in the
/// world it was generated for.
/// </summary>
public sealed class GeneratorLabelTests
{
    private const int Payments = 300;

    public static TheoryData<string> Generators() => [.. Scenarios.Generators.Select(g => g.Name)];

    private static readonly Dictionary<string, LabelledScenario> Generated = Scenarios.Generators
        .ToDictionary(g => g.Name, g => g.Generate(Payments, 42, Split.Tuning));

    private static readonly HashSet<Category> PaidInFull =
    [
        Category.ExactReference, Category.ReformattedReference, Category.SlippedReference, Category.SeveralReferences,
        Category.NameAndUniqueAmount, Category.UniqueCombination, Category.PoOrVoucherReference, Category.LearnedAccount,
    ];

    [Theory]
    [MemberData(nameof(Generators))]
    public void Every_file_reads_with_the_real_parsers_into_as_many_payments_as_were_labelled(string generator)
    {
        var scenario = Generated[generator];

        var read = scenario.Files.Sum(file => Replay.Payments(file).Count); // throws when a file does not parse or count

        Assert.Equal(scenario.Payments, read);
        Assert.InRange(read, Payments - 5, Payments);
        Assert.True(scenario.Files.Select(f => f.Format).Distinct().Count() >= 2, "a generator writes several formats");
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Each_label_names_the_customer_s_own_open_invoices_and_cash_that_adds_up_to_the_payment(string generator)
    {
        var scenario = Generated[generator];
        var invoices = scenario.Context.OpenInvoices.ToDictionary(i => i.Id);
        var customers = scenario.Context.Customers.Select(c => c.Id).ToHashSet();
        var paid = new Dictionary<string, decimal>();
        foreach (var file in scenario.Files)
        {
            var payments = Replay.Payments(file);
            for (var i = 0; i < payments.Count; i++)
            {
                var (payment, truth) = (payments[i], file.Credits[i]);
                if (!truth.Category.Identifiable())
                {
                    Assert.Null(truth.CustomerId);
                    Assert.Empty(truth.Lines);
                    continue;
                }
                Assert.Contains(truth.CustomerId!, customers);
                Assert.NotEmpty(truth.Lines);
                foreach (var line in truth.Lines)
                {
                    var invoice = invoices[line.InvoiceId];
                    Assert.Equal((truth.CustomerId, payment.Currency), (invoice.CustomerId, invoice.Currency));
                    Assert.True(line.Cash > 0m);
                    paid[invoice.Id] = paid.GetValueOrDefault(invoice.Id) + line.Cash;
                    Assert.True(paid[invoice.Id] <= invoice.OpenAmount, $"{invoice.Number} is paid more than it has open");
                }
                var cash = truth.Lines.Sum(l => l.Cash);
                if (PaidInFull.Contains(truth.Category)) Assert.Equal(payment.Amount, cash);
                if (truth.Category is Category.ShortPayWithReason or Category.PartialPayment)
                    Assert.True(cash == payment.Amount && cash < invoices[truth.Lines[0].InvoiceId].OpenAmount);
                if (truth.Category == Category.OverPay) Assert.True(payment.Amount > cash);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void An_exact_reference_names_an_invoice_open_for_what_was_paid_and_the_payment_carries_its_number(string generator)
    {
        var scenario = Generated[generator];
        var invoices = scenario.Context.OpenInvoices.ToDictionary(i => i.Id);
        var exact = 0;
        foreach (var file in scenario.Files)
        {
            var payments = Replay.Payments(file);
            for (var i = 0; i < payments.Count; i++)
            {
                if (file.Credits[i] is not { Category: Category.ExactReference, Lines: [var line] }) continue;
                exact++;
                var invoice = invoices[line.InvoiceId];
                Assert.Equal(invoice.OpenAmount, line.Cash);
                Assert.Equal(invoice.OpenAmount, payments[i].Amount);
                // Banks break lines anywhere: the number is looked for with the spaces taken out.
                var carried = string.Concat((payments[i].Text + string.Concat(payments[i].Remittance.Select(r => r.Reference))).Where(c => !char.IsWhiteSpace(c)));
                Assert.Contains(invoice.Number, carried);
            }
        }
        Assert.True(exact > 10, $"only {exact} exact references");
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void A_generator_mixes_many_categories_and_is_the_same_for_the_same_seed(string generator)
    {
        var scenario = Generated[generator];

        var categories = scenario.Files.SelectMany(f => f.Credits).Select(t => t.Category).Distinct().ToList();

        Assert.True(categories.Count >= 10, $"{categories.Count} categories: {string.Join(", ", categories)}");
        Assert.Contains(categories, c => !c.Identifiable());
        var again = Scenarios.Generators.Single(g => g.Name == generator).Generate(Payments, 42, Split.Tuning);
        Assert.Equal(scenario.Files.Select(f => f.Content), again.Files.Select(f => f.Content));
    }

    [Fact]
    public void The_held_out_split_has_a_generator_the_tuning_split_never_sees()
    {
        var plan = Scenarios.Plan(7).ToList();

        var tuning = plan.Where(p => p.Split == Split.Tuning).Select(p => p.Generator.Name).ToHashSet();
        var heldOut = plan.Where(p => p.Split == Split.HeldOut).Select(p => p.Generator.Name).ToHashSet();

        Assert.Contains(heldOut, name => !tuning.Contains(name));
        Assert.Empty(plan.Where(p => p.Split == Split.Tuning).Select(p => p.Seed).Intersect(plan.Where(p => p.Split == Split.HeldOut).Select(p => p.Seed)));
    }

    [Fact]
    public void A_replay_scores_the_engine_against_the_labels()
    {
        var scenario = new UsCorporateGenerator().Generate(200, 3, Split.Tuning);

        var evaluated = Replay.Run(scenario, new MatchPolicy(), new CashApplication.Applications.OutcomePolicy());

        Assert.Equal(scenario.Payments, evaluated.Count);
        var tally = Tally.Of(evaluated);
        Assert.True(tally.Correct > 0 && tally.Correct <= tally.Applied && tally.Applied <= tally.Payments);
        Assert.All(evaluated.Where(e => !e.Truth.Category.Identifiable()), e => Assert.False(e.AppliedCorrectly));
    }
}
