using System.Text;
using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Tests.Api;

/// <summary>A card number typed into any of Collections' free-text fields never reaches its database.</summary>
public sealed class CardDataTests : IAsyncLifetime
{
    private const string Pan = "4111111111111111";
    private const string Grouped = "4111 1111 1111 1111";
    private readonly CollectionsWorld _world = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Card_numbers_in_every_free_text_field_are_masked_before_storage()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);
        var other = await _world.InvoiceAsync(customer.Id, "i-2");
        var collector = _world.Collections.Collector;
        var manager = _world.Collections.Manager;

        await collector.RecordActivityAsync(new RecordActivityRequest
        {
            RequestId = "a-1", Activity = new Activity { CustomerId = customer.Id, Type = ActivityType.Call, Text = $"Will pay by card {Grouped}" },
        });
        await collector.CreatePromiseToPayAsync(new CreatePromiseToPayRequest
        {
            RequestId = "p-1",
            Promise = new PromiseToPay { CustomerId = customer.Id, Amount = Requests.Usd("10.00"), PromisedDate = "2026-12-10", Note = $"card {Pan}" },
        });
        await collector.CreatePaymentPlanAsync(new CreatePaymentPlanRequest
        {
            RequestId = "plan-1",
            Plan = new PaymentPlan
            {
                CustomerId = customer.Id, Note = $"autopay {Grouped}",
                Instalments = { new Instalment { DueDate = "2026-12-10", Amount = Requests.Usd("324.75") } },
            },
        });
        await collector.PlaceCreditHoldAsync(new PlaceCreditHoldRequest { CustomerId = customer.Id, RequestId = "h-1", Note = $"declined {Pan}" });
        await manager.ReleaseCreditHoldAsync(new ReleaseCreditHoldRequest { CustomerId = customer.Id, RequestId = "r-1", Note = $"paid with {Grouped}" });
        var approved = await collector.RequestWriteOffAsync(new RequestWriteOffRequest
        {
            RequestId = "w-1",
            WriteOff = new WriteOffRequest { InvoiceId = invoice.Id, Amount = Requests.Usd("5.00"), Reason = $"chargeback {Pan}", Evidence = $"receipt {Grouped}" },
        });
        var rejected = await collector.RequestWriteOffAsync(new RequestWriteOffRequest
        {
            RequestId = "w-2", WriteOff = new WriteOffRequest { InvoiceId = other.Id, Amount = Requests.Usd("5.00"), Reason = "small balance" },
        });
        await manager.ApproveWriteOffAsync(new ApproveWriteOffRequest { Id = approved.Id, RequestId = "d-1", Note = $"ok {Pan}" });
        await manager.RejectWriteOffAsync(new RejectWriteOffRequest { Id = rejected.Id, RequestId = "d-2", Note = $"card on file {Grouped}" });

        var activities = await collector.ListActivitiesAsync(new ListActivitiesRequest { CustomerId = customer.Id });
        Assert.Equal("Will pay by card **** **** **** 1111", activities.Activities[0].Text);

        // What the database stores (a SQLite file with its write-ahead log, or every row) holds no trace of it.
        var stored = await _world.Collections.StoredTextAsync();
        Assert.DoesNotContain(Pan, stored);
        Assert.DoesNotContain(Grouped, stored);
    }
}
