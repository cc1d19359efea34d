using ArPlatform.Disputes.Cases;
using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Errors;

namespace ArPlatform.Disputes.Tests.Domain;

public sealed class DisputeCaseTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    private static DisputeCase Case(params (string Invoice, decimal Amount)[] items) => new()
    {
        Id = "01JD000000000000000000000A", Number = "DSP-2026-000001", CustomerId = "c", Currency = "USD",
        Amount = items.Sum(i => i.Amount), Reason = DisputeReason.Pricing, OpenedBy = "ana", OpenedAt = Now,
        Items = items.Select((i, n) => new DisputeItem { ItemNumber = n + 1, InvoiceId = i.Invoice, Amount = i.Amount }).ToList(),
    };

    [Fact]
    public void CreditSpread_fills_items_in_order_and_sums_exactly_to_the_credit()
    {
        Assert.Equal([100m, 20.01m, 0m], CreditSpread.Spread([100m, 50m, 30m], 120.01m));
        Assert.Equal([0m, 0m], CreditSpread.Spread([1m, 2m], 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditSpread.Spread([1m], 1.01m));
    }

    [Fact]
    public void A_partial_resolution_credits_the_agreed_amount_and_releases_every_hold()
    {
        var dispute = Case(("inv-1", 100m), ("inv-2", 50m), ("inv-1", 25m));

        var shares = dispute.Resolve(DisputeOutcome.Partial, 110m, "agreed with the buyer", "bob", Now);

        Assert.Equal([100m, 10m, 0m], shares);
        Assert.Equal((DisputeStatus.ResolvedPartial, 110m), (dispute.Status, dispute.CreditedAmount));
        Assert.All(dispute.HeldByInvoice(), h => Assert.Equal(0m, h.Amount));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("175")]
    public void A_partial_credit_is_more_than_nothing_and_less_than_everything(string credit)
    {
        var dispute = Case(("inv-1", 100m), ("inv-2", 75m));

        Assert.Throws<RequestValidationException>(() => dispute.Resolve(DisputeOutcome.Partial, decimal.Parse(credit), "", "bob", Now));
        Assert.Equal(DisputeStatus.Open, dispute.Status);
    }

    [Fact]
    public void Holds_are_per_invoice_and_a_reopened_case_holds_only_what_was_not_credited()
    {
        var dispute = Case(("inv-1", 100m), ("inv-2", 50m), ("inv-1", 25m));
        Assert.Equal([("inv-1", 125m), ("inv-2", 50m)], dispute.HeldByInvoice());

        dispute.Resolve(DisputeOutcome.Partial, 110m, "", "bob", Now);
        dispute.MoveTo(DisputeStatus.Open, InternalTeam.None, "customer contests the rest", "ana", Now);

        Assert.Equal([("inv-1", 25m), ("inv-2", 40m)], dispute.HeldByInvoice());
        Assert.Equal(DisputeOutcome.None, dispute.Outcome);
    }

    [Fact]
    public void A_fully_credited_case_cannot_be_reopened()
    {
        var dispute = Case(("inv-1", 100m));
        dispute.Resolve(DisputeOutcome.Valid, 0m, "", "bob", Now);

        var refused = Assert.Throws<PreconditionFailedException>(() => dispute.MoveTo(DisputeStatus.Open, InternalTeam.None, "again", "ana", Now));
        Assert.Contains("new case", refused.Message);
    }

    [Fact]
    public void Every_change_bumps_the_version_and_every_move_is_in_the_history()
    {
        var dispute = Case(("inv-1", 100m));

        dispute.MoveTo(DisputeStatus.Investigating, InternalTeam.None, "", "ana", Now);
        dispute.MoveTo(DisputeStatus.PendingInternal, InternalTeam.Sales, "price list check", "ana", Now);
        dispute.AddNote("ana", "asked Sales for the contract price", Now);
        dispute.Resolve(DisputeOutcome.Invalid, 0m, "contract price was billed", "bob", Now);
        dispute.MoveTo(DisputeStatus.Closed, InternalTeam.None, "", "bob", Now);

        Assert.Equal(5, dispute.Version);
        Assert.Equal([DisputeStatus.Investigating, DisputeStatus.PendingInternal, DisputeStatus.ResolvedInvalid, DisputeStatus.Closed],
            dispute.History.Select(t => t.To));
        Assert.Equal(InternalTeam.None, dispute.PendingWith);
        Assert.NotNull(dispute.ClosedAt);
    }
}
