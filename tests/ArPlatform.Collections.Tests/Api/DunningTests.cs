using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Collections.V1;
using ArPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Collections.Tests.Api;

public sealed class DunningTests : IAsyncLifetime
{
    private readonly CollectionsWorld _world = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_dry_run_says_what_it_would_do_and_changes_nothing()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);

        var run = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30", DryRun = true });

        var action = Assert.Single(run.Actions);
        Assert.Equal((invoice.Id, "ESCALATION", DunningChannel.Email, 30), (action.InvoiceId, action.Step, action.Channel, action.OffsetDays));
        Assert.Empty((await _world.Collections.Manager.ListDunningActionsAsync(new ListDunningActionsRequest())).Actions);
        Assert.Equal(0, await _world.Collections.QueryAsync(db => db.Mail.CountAsync()));
    }

    [Fact]
    public async Task A_run_emails_the_customer_a_letter_with_their_open_invoices_once()
    {
        var customer = await _world.CustomerAsync();
        var late = await _world.InvoiceAsync(customer.Id, "i-1", "2026-10-01");   // due 31 October: +30, escalation
        var recent = await _world.InvoiceAsync(customer.Id, "i-2", "2026-10-24"); // due 23 November: +7, second notice

        var run = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" });
        Assert.Equal(2, run.ActionsTaken);
        Assert.Equal(1, run.MessagesQueued);

        var (recipients, message) = Assert.Single(await _world.Smtp.WaitForAsync(1));
        Assert.Equal(["ap@acme.example"], recipients);
        // The severest step's template names the letter; both invoices are in it.
        Assert.Equal("Second request: 649.50 USD overdue", message.Subject);
        var body = message.TextBody;
        Assert.Contains("Dear Acme Corp,", body);
        Assert.Matches($@"{late.Number}\s+2026-10-31\s+30\s+324\.75 USD", body);
        Assert.Matches($@"{recent.Number}\s+2026-11-23\s+7\s+324\.75 USD", body);
        Assert.Contains($"/v1/customers/{customer.Id}/statement.html", body);

        var again = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" });
        Assert.Equal(0, again.ActionsTaken);
        Assert.Equal(0, await _world.SendMailAsync());
        var listed = await _world.Collections.Manager.ListDunningActionsAsync(new ListDunningActionsRequest { CustomerId = customer.Id });
        Assert.Equal(2, listed.Actions.Count);
        Assert.All(listed.Actions, a => Assert.Equal("SENT", a.Delivery));
    }

    [Fact]
    public async Task Disputed_invoices_and_accounts_with_a_live_promise_are_skipped()
    {
        var disputedCustomer = await _world.CustomerAsync("c-1");
        var disputed = await _world.InvoiceAsync(disputedCustomer.Id, "i-1");
        await _world.Billing.ClientAs(Roles.Service).MarkInvoiceDisputedAsync(new MarkInvoiceDisputedRequest
        {
            InvoiceId = disputed.Id, RequestId = "m-1", DisputeId = "01DISPUTE", Sequence = 1, Amount = Requests.Usd("24.75"),
        });
        var promisingCustomer = await _world.CustomerAsync("c-2");
        var promised = await _world.InvoiceAsync(promisingCustomer.Id, "i-2");
        await _world.Collections.Collector.CreatePromiseToPayAsync(new CreatePromiseToPayRequest
        {
            RequestId = "p-1",
            Promise = new PromiseToPay { CustomerId = promisingCustomer.Id, Amount = Requests.Usd("324.75"), PromisedDate = "2026-12-10" },
        });

        var run = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" });

        Assert.Equal(0, run.ActionsTaken);
        Assert.Equal(
            new[] { (disputed.Id, SkipReason.InDispute), (promised.Id, SkipReason.PromiseToPay) }.OrderBy(s => s.Item1),
            run.Skipped.Select(s => (s.InvoiceId, s.Reason)).OrderBy(s => s.Item1));
    }

    [Fact]
    public async Task Two_replicas_running_at_once_take_each_step_once()
    {
        var customer = await _world.CustomerAsync();
        for (var i = 1; i <= 20; i++) await _world.InvoiceAsync(customer.Id, $"i-{i}");
        using var replica = new CollectionsHost(_world.Billing, _world.Smtp.Port, _world.Collections.DatabasePath);

        var runs = await Task.WhenAll(
            _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" }).ResponseAsync,
            replica.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" }).ResponseAsync);

        Assert.Equal(20, runs.Sum(r => r.ActionsTaken));
        Assert.Equal(20, await _world.Collections.QueryAsync(db => db.DunningActions.CountAsync()));
        Assert.Equal(1, await _world.Collections.QueryAsync(db => db.Mail.CountAsync()));
    }

    [Fact]
    public async Task The_credit_hold_step_and_the_policy_put_accounts_on_hold()
    {
        var customer = await _world.CustomerAsync();
        await _world.InvoiceAsync(customer.Id, "i-1", "2026-09-01"); // due 1 October: 60 days late → final notice, past the hold step

        var run = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" });

        Assert.Equal("FINAL_NOTICE", Assert.Single(run.Actions).Step);
        Assert.Equal(0, run.HoldsPlaced);
        _world.SetToday(new DateOnly(2026, 12, 1));
        var later = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest());
        Assert.Equal(1, later.HoldsPlaced);
        var credit = await _world.Collections.Collector.GetCreditStatusAsync(new GetCreditStatusRequest { CustomerId = customer.Id });
        Assert.True(credit.OnHold);
        Assert.Equal(HoldReason.PastDue, credit.HoldReason);
        Assert.Equal("system", credit.History[0].Actor);
    }

    [Fact]
    public async Task Monthly_statements_go_out_on_the_customers_day_once_a_month()
    {
        var customer = await _world.CustomerAsync();
        await _world.InvoiceAsync(customer.Id, "i-1", "2026-11-20"); // not yet due: no dunning step
        await _world.Collections.Collector.UpdateCreditProfileAsync(new UpdateCreditProfileRequest
        {
            CustomerId = customer.Id, RequestId = "u-1", RiskRating = RiskRating.Low, StatementDayOfMonth = 31,
        });

        var run = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" });
        var again = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" });

        Assert.Equal((1, 0, 0), (run.StatementsQueued, run.ActionsTaken, again.StatementsQueued));
        var (_, statement) = Assert.Single(await _world.Smtp.WaitForAsync(1));
        Assert.Equal("Your statement of account as of 2026-11-30", statement.Subject);
    }

    [Fact]
    public async Task The_json_route_runs_dunning_as_api_md_shows()
    {
        var customer = await _world.CustomerAsync();
        await _world.InvoiceAsync(customer.Id);
        using var http = _world.Collections.JsonClient("mia", Roles.ArManager);

        using var response = await http.PostAsync("/v1/collections/dunning-runs",
            new StringContent("""{ "asOf": "2026-11-30", "dryRun": true }""", System.Text.Encoding.UTF8, "application/json"));

        response.EnsureSuccessStatusCode();
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var action = json.GetProperty("actions")[0];
        Assert.Equal(customer.Id, action.GetProperty("customerId").GetString());
        Assert.Equal("EMAIL", action.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task After_a_later_run_a_dry_run_still_previews_an_earlier_day_and_a_real_one_is_refused_on_as_of()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);
        _world.SetToday(new DateOnly(2026, 12, 15));
        // Made on 15 December: as of 30 November it did not exist yet.
        await _world.Collections.Collector.CreatePromiseToPayAsync(new CreatePromiseToPayRequest
        {
            RequestId = "p-1", Promise = new PromiseToPay { CustomerId = customer.Id, Amount = Requests.Usd("324.75"), PromisedDate = "2026-12-20" },
        });
        await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-12-15" });
        using var http = _world.Collections.JsonClient("mia", Roles.ArManager);

        using var preview = await http.PostAsync("/v1/collections/dunning-runs",
            new StringContent("""{ "asOf": "2026-11-30", "dryRun": true }""", System.Text.Encoding.UTF8, "application/json"));
        var refused = await GrpcAssert.FailsWith(global::Grpc.Core.StatusCode.InvalidArgument, () =>
            _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" }).ResponseAsync);

        Assert.True(preview.IsSuccessStatusCode, await preview.Content.ReadAsStringAsync());
        var json = System.Text.Json.JsonDocument.Parse(await preview.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(invoice.Id, json.GetProperty("actions")[0].GetProperty("invoiceId").GetString());
        var violation = Assert.Single(refused.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations);
        Assert.Equal("as_of", violation.Field);
        Assert.Contains("2026-12-15", violation.Description);
        Assert.Equal(1, await _world.Collections.QueryAsync(db => db.DunningRuns.CountAsync()));
    }
}

/// <summary>What an SRE scrapes from Collections after a run (other hosts in the process publish the same names: presence, not exact counts).</summary>
public sealed class DunningMetricsTests : IAsyncLifetime
{
    private readonly CollectionsWorld _world = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_run_shows_in_the_metrics_with_its_actions_and_letters_sent()
    {
        var customer = await _world.CustomerAsync();
        await _world.InvoiceAsync(customer.Id);
        await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" });
        await _world.Smtp.WaitForAsync(1);
        await _world.SendMailAsync();

        using var http = _world.Collections.CreateClient();
        var text = await http.GetStringAsync("/metrics");

        Assert.Matches(@"(?m)^ar_collections_dunning_runs_total\{[^}]*outcome=""completed""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^ar_collections_dunning_actions_total\{[^}]*step=""ESCALATION""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^ar_collections_mail_sent_total\{[^}]*kind=""Dunning""[^}]*\} [1-9]", text);
        Assert.Contains("ar_collections_dunning_run_duration_seconds_bucket", text);
    }
}

public sealed class RpcMetricsTests : IAsyncLifetime
{
    private readonly CollectionsWorld _world = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_failed_grpc_call_is_counted_with_its_status_though_http_says_200()
    {
        await GrpcAssert.FailsWith(global::Grpc.Core.StatusCode.NotFound, () =>
            _world.Collections.Manager.GetWriteOffAsync(new GetWriteOffRequest { Id = "01NOSUCHWRITEOFF" }).ResponseAsync);
        await _world.Collections.Manager.GetWorklistAsync(new GetWorklistRequest());

        using var http = _world.Collections.CreateClient();
        var text = await http.GetStringAsync("/metrics");

        Assert.Matches(Count("GetWriteOff", "5"), text);
        Assert.Matches(Count("GetWorklist", "0"), text);
    }

    private static string Count(string rpc, string status) =>
        $@"(?m)^http_server_request_duration_seconds_count\{{(?=[^}}]*grpc_status=""{status}"")(?=[^}}]*http_route=""/ar\.collections\.v1\.CollectionsService/{rpc}"")[^}}]*\}} [1-9][0-9]*$";
}
