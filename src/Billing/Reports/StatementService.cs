using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Grpc;
using ArPlatform.Billing.Ledger;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Reports;

/// <summary>
/// A customer's statement for a period, per currency: the balance brought forward, every ledger
/// movement in date order with a running balance, the closing balance (equal to the opening plus
/// the movements, always), and the aging of what is open on the last day.
/// </summary>
public sealed class StatementService(BillingDbContext db, AgingQuery openItems, Portfolio portfolio, TimeProvider clock)
{
    public async Task<Proto.Statement> GetAsync(Proto.GetStatementRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.Require("customer_id", request.CustomerId);
        var end = v.Date("to_date", request.ToDate) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = v.Date("from_date", request.FromDate) ?? new DateOnly(end.Year, end.Month, 1);
        if (start > end) v.Add("to_date", "must not be before from_date");
        v.ThrowIfInvalid();

        var customer = await portfolio.Customers(db.Customers.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == request.CustomerId, ct)
                       ?? throw new NotFoundException("customer", request.CustomerId);
        var opening = await db.LedgerEntries.AsNoTracking().Where(e => e.CustomerId == customer.Id && e.EffectiveDate < start)
            .GroupBy(e => e.Currency).Select(g => new { Currency = g.Key, Sum = g.Sum(e => e.Amount) })
            .ToDictionaryAsync(g => g.Currency, g => g.Sum, StringComparer.Ordinal, ct);
        var movements = await (
            from entry in db.LedgerEntries.AsNoTracking()
            where entry.CustomerId == customer.Id && entry.EffectiveDate >= start && entry.EffectiveDate <= end
            join invoice in db.Invoices.IgnoreAutoIncludes() on entry.InvoiceId equals invoice.Id into invoices
            from invoice in invoices.DefaultIfEmpty()
            orderby entry.EffectiveDate, entry.Id
            select new { entry, Number = invoice == null ? null : invoice.Number })
            .ToListAsync(ct);
        var open = await (await openItems.OpenItemsAsync(end, new OpenItemScope(CustomerId: customer.Id), ct)).Where(i => i.Open != 0m).ToListAsync(ct);
        var aging = AgingCalculator.Age(open.Select(o => new AgingItem(customer.Id, o.Currency, o.DueDate, o.Open, o.Disputed)), end)
            .ToDictionary(a => a.Currency, StringComparer.Ordinal);

        var statement = new Proto.Statement { Customer = customer.ToProto(), FromDate = start.ToText(), ToDate = end.ToText() };
        foreach (var currency in opening.Keys.Union(movements.Select(m => m.entry.Currency)).Order(StringComparer.Ordinal))
        {
            var balance = opening.GetValueOrDefault(currency);
            var section = new Proto.StatementCurrency { Currency = currency, OpeningBalance = MoneyMapping.ToProto(balance, currency) };
            foreach (var m in movements.Where(m => m.entry.Currency == currency))
            {
                balance += m.entry.Amount;
                section.Lines.Add(new Proto.StatementLine
                {
                    Date = m.entry.EffectiveDate.ToText(),
                    Kind = LedgerEntryKindNames.ToWire(m.entry.Kind),
                    Reference = m.entry.Reference,
                    InvoiceNumber = m.Number ?? "",
                    Amount = MoneyMapping.ToProto(m.entry.Amount, currency),
                    RunningBalance = MoneyMapping.ToProto(balance, currency),
                });
            }
            section.ClosingBalance = MoneyMapping.ToProto(balance, currency);
            section.Aging = ReportService.ToProto(aging.GetValueOrDefault(currency)
                                                  ?? new AgingBuckets(customer.Id, currency, 0m, 0m, 0m, 0m, 0m, 0m));
            statement.Currencies.Add(section);
        }
        return statement;
    }
}
