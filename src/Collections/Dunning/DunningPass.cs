using ArPlatform.Collections.BillingReads;
using ArPlatform.Collections.Credit;
using ArPlatform.Contracts.Collections.V1;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Collections.Dunning;

/// <summary>The live promises and plans of the accounts a run covers: by customer, or by invoice when they name invoices.</summary>
public sealed class Covers
{
    private readonly Dictionary<string, Cover> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Cover> _invoices = new(StringComparer.Ordinal);

    public void Add(string customerId, IReadOnlyCollection<string> invoiceIds, Cover cover)
    {
        if (invoiceIds.Count == 0) _customers[customerId] = Max(_customers.GetValueOrDefault(customerId), cover);
        else foreach (var id in invoiceIds) _invoices[id] = Max(_invoices.GetValueOrDefault(id), cover);
    }

    public Cover For(string customerId, string invoiceId) =>
        Max(_customers.GetValueOrDefault(customerId), _invoices.GetValueOrDefault(invoiceId));

    // A plan outranks a promise: it is the longer-standing arrangement.
    private static Cover Max(Cover a, Cover b) => (Cover)Math.Max((int)a, (int)b);
}

/// <summary>
/// One pass of a dunning run over the open invoices: the decision for each (pure rules), and
/// each account's standing (open, past due, days late, disputed, next step) for the worklist
/// and the credit policy. Holds nothing but what it was given and what it found.
/// </summary>
public sealed class DunningPass(
    DateOnly asOf, DunningOptions policy, IReadOnlyDictionary<string, Billing.Customer> customers,
    IReadOnlyDictionary<string, int> furthestSentOffsets, Covers covers, Func<string> newId, DateTime now)
{
    private readonly Dictionary<string, IReadOnlyList<DunningStep>> _cadences = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string, string), AccountStanding> _standings = [];

    public List<DunningAction> Actions { get; } = [];
    public List<SkippedInvoice> Skipped { get; } = [];
    public int SkippedCount { get; private set; }
    public int Examined { get; private set; }
    public IEnumerable<AccountStanding> Standings => _standings.Values;

    public void Consider(OpenInvoice invoice)
    {
        if (!customers.TryGetValue(invoice.CustomerId, out var customer)) return;
        Examined++;
        var cadence = CadenceFor(customer.Segment);
        var furthest = furthestSentOffsets.TryGetValue(invoice.Id, out var offset) ? offset : (int?)null;
        var hasEmail = customer.EmailAddress() is not null;
        var decision = DunningRules.Decide(cadence, new DunningInvoice(invoice.DueDate, invoice.OpenAmount, invoice.DisputedAmount),
            asOf, furthest, covers.For(invoice.CustomerId, invoice.Id), hasEmail);
        var standing = StandingOf(invoice, customer);
        if (decision.IsAction)
        {
            var step = decision.Step!;
            Actions.Add(new DunningAction
            {
                Id = newId(), CustomerId = invoice.CustomerId, InvoiceId = invoice.Id, InvoiceNumber = invoice.Number,
                Step = step.Name, OffsetDays = step.OffsetDays, Channel = step.Channel, Template = step.Template,
                Currency = invoice.Currency, OpenAmount = invoice.OpenAmount, DueDate = invoice.DueDate, AsOf = asOf, CreatedAt = now,
            });
            furthest = step.OffsetDays;
        }
        else if (decision.Skip is not (SkipReason.Unspecified or SkipReason.AlreadySent))
        {
            SkippedCount++;
            Skipped.Add(new SkippedInvoice { CustomerId = invoice.CustomerId, InvoiceId = invoice.Id, Reason = decision.Skip });
        }
        NoteNextStep(standing, cadence, invoice.DueDate, Math.Max(furthest ?? int.MinValue, decision.Step?.OffsetDays ?? int.MinValue));
    }

    /// <summary>
    /// The accounts the credit policy puts on hold now, with why: over limit, too late, or a
    /// cadence's credit-hold step taken in this pass. Accounts already on hold are left as they are.
    /// </summary>
    public Dictionary<string, HoldReason> Holds(CreditOptions options, IReadOnlyDictionary<string, AccountProfile> profiles)
    {
        var holds = new Dictionary<string, HoldReason>(StringComparer.Ordinal);
        foreach (var a in Actions.Where(a => a.Channel == DunningChannel.CreditHold)) holds[a.CustomerId] = HoldReason.Dunning;
        foreach (var account in _standings.Values.GroupBy(s => s.CustomerId))
        {
            var customer = customers[account.Key];
            var (limitCurrency, limit) = customer.CreditLine();
            var profile = profiles.GetValueOrDefault(account.Key);
            var reason = CreditPolicy.AutomaticHold(options, account.Where(s => s.Currency == limitCurrency).Sum(s => s.Open), limit,
                account.Max(s => s.DaysLate), asOf, profile?.OverrideUntil);
            if (reason != HoldReason.Unspecified) holds.TryAdd(account.Key, reason);
        }
        foreach (var id in holds.Keys.Where(id => profiles.GetValueOrDefault(id)?.OnHold == true).ToList()) holds.Remove(id);
        return holds;
    }

    private IReadOnlyList<DunningStep> CadenceFor(string segment)
    {
        if (!_cadences.TryGetValue(segment, out var cadence)) _cadences[segment] = cadence = policy.CadenceFor(segment);
        return cadence;
    }

    private AccountStanding StandingOf(OpenInvoice invoice, Billing.Customer customer)
    {
        var key = (invoice.CustomerId, invoice.Currency);
        if (!_standings.TryGetValue(key, out var s))
            _standings[key] = s = new AccountStanding
            {
                CustomerId = invoice.CustomerId, Currency = invoice.Currency, CustomerName = customer.Name,
                Collector = customer.Collector, Region = customer.Region, Segment = customer.Segment, AsOf = asOf,
            };
        var daysLate = asOf.DayNumber - invoice.DueDate.DayNumber;
        s.Open += invoice.OpenAmount;
        s.Disputed += invoice.DisputedAmount;
        if (daysLate > 0)
        {
            s.PastDue += invoice.OpenAmount;
            s.DaysLate = Math.Max(s.DaysLate, daysLate);
        }
        return s;
    }

    /// <summary>The account's next step: the earliest step, over its invoices, beyond what each has had.</summary>
    private static void NoteNextStep(AccountStanding standing, IReadOnlyList<DunningStep> cadence, DateOnly dueDate, int furthestOffset)
    {
        var next = cadence.FirstOrDefault(s => s.OffsetDays > furthestOffset);
        if (next is null) return;
        var date = dueDate.AddDays(next.OffsetDays);
        if (standing.NextStepDate is null || date < standing.NextStepDate)
        {
            standing.NextStep = next.Name;
            standing.NextStepDate = date;
        }
    }
}
