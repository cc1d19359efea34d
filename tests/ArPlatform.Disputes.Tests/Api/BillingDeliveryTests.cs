using ArPlatform.Disputes.BillingSync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArPlatform.Disputes.Tests.Api;

/// <summary>
/// The case and its Billing holds are written together; delivery to Billing happens after.
/// A crash between the two, or a delivery repeated after a crash, neither loses nor doubles anything.
/// </summary>
public sealed class BillingDeliveryTests : IDisposable
{
    /// <summary>A Disputes that commits but never delivers: as if it died right after each commit.</summary>
    private static readonly Dictionary<string, string> DiesAfterCommit = new()
    {
        ["Disputes:Outbox:DeliverAfterCommit"] = "false",
        ["Disputes:Outbox:PollSeconds"] = "0",
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("disputes-delivery-").FullName;
    private readonly DisputesWorld _world;

    public BillingDeliveryTests() => _world = new DisputesWorld(DiesAfterCommit, Path.Combine(_directory, "disputesdb.db"));

    public void Dispose()
    {
        _world.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Holds_a_crashed_instance_left_undelivered_reach_billing_after_restart()
    {
        var invoice = await _world.InvoiceAsync();
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));
        Assert.Equal("0.00", (await _world.ReloadAsync(invoice.Id)).DisputedAmount.Amount);
        Assert.Equal(1, (await _world.Disputes.Client.GetDisputeAsync(new() { Id = dispute.Id })).BillingSync.Pending);
        _world.Disputes.Dispose();

        using var restarted = new DisputesHost(_world.Billing, _world.Disputes.DatabasePath,
            new Dictionary<string, string> { ["Disputes:Outbox:PollSeconds"] = "1" });
        _ = restarted.Server;

        await Eventually(async () => (await _world.ReloadAsync(invoice.Id)).DisputedAmount.Amount == "24.75");
        Assert.Equal(0, (await restarted.Client.GetDisputeAsync(new() { Id = dispute.Id })).BillingSync.Pending);
    }

    [Fact]
    public async Task A_delivery_repeated_after_a_crash_changes_billing_once()
    {
        var invoice = await _world.InvoiceAsync();
        await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));
        var dispatcher = _world.Disputes.Services.GetRequiredService<BillingOutboxDispatcher>();
        Assert.Equal(1, await dispatcher.DeliverDueAsync(CancellationToken.None));
        var audited = await AuditedInvoiceChangesAsync();

        // Billing took it, then the process died before recording the delivery.
        await _world.Disputes.ExecuteSqlAsync("""UPDATE "BillingOutbox" SET "DeliveredAt" = NULL""");
        Assert.Equal(1, await dispatcher.DeliverDueAsync(CancellationToken.None));

        Assert.Equal("24.75", (await _world.ReloadAsync(invoice.Id)).DisputedAmount.Amount);
        Assert.Equal(audited, await AuditedInvoiceChangesAsync());
    }

    [Fact]
    public async Task Billing_sees_a_cases_changes_in_order_even_when_an_older_one_arrives_late()
    {
        var invoice = await _world.InvoiceAsync();
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));
        await _world.Disputes.Client.ResolveDisputeAsync(new() { Id = dispute.Id, RequestId = "r-1", Outcome = Contracts.Disputes.V1.DisputeOutcome.Invalid });
        var dispatcher = _world.Disputes.Services.GetRequiredService<BillingOutboxDispatcher>();
        Assert.Equal(2, await dispatcher.DeliverDueAsync(CancellationToken.None));

        // The opening's hold delivered again, late: older than the clear, so Billing ignores it.
        await _world.Disputes.ExecuteSqlAsync("""UPDATE "BillingOutbox" SET "DeliveredAt" = NULL WHERE "Kind" = 1""");
        await dispatcher.DeliverDueAsync(CancellationToken.None);

        Assert.Equal("0.00", (await _world.ReloadAsync(invoice.Id)).DisputedAmount.Amount);
    }

    [Fact]
    public async Task Holds_go_to_billing_in_one_call_and_a_cases_later_change_reaches_it_after_them()
    {
        var invoice = await _world.InvoiceAsync();
        var second = await _world.InvoiceAsync(invoice.CustomerId, "i-2");
        var opened = await _world.Disputes.Client.OpenDisputesAsync(new Contracts.Disputes.V1.OpenDisputesRequest
        {
            Disputes = { DisputesWorld.Open(invoice.Id, "20.00", "d-1"), DisputesWorld.Open(invoice.Id, "4.75", "d-2"), DisputesWorld.Open(second.Id, "10.00", "d-3") },
        });
        await _world.Disputes.Client.ResolveDisputeAsync(new()
        {
            Id = opened.Results[0].Dispute.Id, RequestId = "r-1", Outcome = Contracts.Disputes.V1.DisputeOutcome.Invalid,
        });

        var delivered = await _world.Disputes.Services.GetRequiredService<BillingOutboxDispatcher>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(4, delivered); // three holds, then the first case's clear
        Assert.Equal("4.75", (await _world.ReloadAsync(invoice.Id)).DisputedAmount.Amount);
        Assert.Equal("10.00", (await _world.ReloadAsync(second.Id)).DisputedAmount.Amount);
        Assert.Equal(3, await AuditedInvoiceChangesAsync());
    }

    [Fact]
    public async Task A_change_billing_refuses_for_good_is_marked_failed_with_the_reason()
    {
        var invoice = await _world.InvoiceAsync();
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));
        await _world.BillingClient.VoidInvoiceAsync(new() { Id = invoice.Id, RequestId = "v-1", Reason = "billed twice" });

        var outbox = _world.Disputes.Services.GetRequiredService<BillingOutboxDispatcher>();
        await outbox.DeliverDueAsync(CancellationToken.None);
        await outbox.DeliverDueAsync(CancellationToken.None);

        var after = await _world.Disputes.Client.GetDisputeAsync(new() { Id = dispute.Id });
        Assert.Equal((0, 1), (after.BillingSync.Pending, after.BillingSync.Failed));
        Assert.StartsWith("FailedPrecondition", after.BillingSync.LastError);
        // The case holds nothing, so it does not stay open as if it did.
        Assert.Equal(Contracts.Disputes.V1.DisputeStatus.Closed, after.Status);
    }

    [Fact]
    public async Task A_refused_hold_whose_pass_was_cut_short_closes_its_case_on_the_next_pass()
    {
        var invoice = await _world.InvoiceAsync();
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));
        // A pass that recorded Billing's refusal and stopped before it closed the case.
        await _world.Disputes.ExecuteSqlAsync(
            """UPDATE "BillingOutbox" SET "FailedAt" = "CreatedAt", "LastError" = 'FailedPrecondition: no room' WHERE "Kind" = 1""");

        await _world.Disputes.Services.GetRequiredService<BillingOutboxDispatcher>().DeliverDueAsync(CancellationToken.None);

        var after = await _world.Disputes.Client.GetDisputeAsync(new() { Id = dispute.Id });
        Assert.Equal(Contracts.Disputes.V1.DisputeStatus.Closed, after.Status);
        Assert.Equal("system", after.History.Last().Actor);
    }

    private Task<int> AuditedInvoiceChangesAsync() =>
        _world.Billing.QueryAsync(db => db.Set<ServiceDefaults.Audit.AuditEntry>().CountAsync(a => a.Operation == "MarkInvoiceDisputed"));

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("The condition did not hold within 20 s.");
            await Task.Delay(100);
        }
    }
}
