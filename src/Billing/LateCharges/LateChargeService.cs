using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Invoices;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.LateCharges;

/// <summary>
/// Late-payment charges, only ever by this command: one charge invoice per customer per
/// assessment, a line per overdue invoice with its basis. Each invoice's mark records how far it
/// has been charged, so repeating an assessment (or running it daily) charges no day twice.
/// </summary>
public sealed class LateChargeService(
    BillingDbContext db, CommandExecutor<BillingDbContext> commands, InvoiceService invoices, TimeProvider clock)
{
    public const string ProductCode = "LATE-CHARGE";

    public async Task<Proto.AssessLateChargesResponse> AssessAsync(Proto.AssessLateChargesRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var asOf = v.Date("as_of", request.AsOf) ?? today;
        if (asOf > today) v.Add("as_of", "must not be in the future: only days already overdue are charged");
        v.ThrowIfInvalid();

        if (request.DryRun) return await AssessAsync(request, asOf, ct);
        return await commands.ExecuteAsync("AssessLateCharges", request.RequestId, request, token => AssessAsync(request, asOf, token), ct);
    }

    private async Task<Proto.AssessLateChargesResponse> AssessAsync(Proto.AssessLateChargesRequest request, DateOnly asOf, CancellationToken ct)
    {
        var customers = db.Customers.Where(c => c.LateCharges != null);
        if (request.CustomerId.Length > 0) customers = customers.Where(c => c.Id == request.CustomerId);
        // Only customers whose contracts carry late-charge terms: read once, not per invoice.
        var byId = await customers.ToDictionaryAsync(c => c.Id, ct);
        var overdue = await (
            from invoice in db.Invoices.IgnoreAutoIncludes()
            join customer in customers on invoice.CustomerId equals customer.Id
            where (invoice.Status == InvoiceStatus.Issued || invoice.Status == InvoiceStatus.PartiallyPaid)
                  && invoice.Kind == InvoiceKind.Standard && invoice.DueDate < asOf
            join mark in db.LateChargeMarks on invoice.Id equals mark.InvoiceId into marks
            from mark in marks.DefaultIfEmpty()
            orderby invoice.CustomerId, invoice.DueDate, invoice.Id
            select new { invoice.CustomerId, invoice.Id, invoice.Number, invoice.DueDate, invoice.OpenAmount, invoice.DisputedAmount, invoice.Currency, Mark = mark })
            .ToListAsync(ct);

        var response = new Proto.AssessLateChargesResponse { AsOf = asOf.ToText(), DryRun = request.DryRun };
        foreach (var group in overdue.GroupBy(o => (o.CustomerId, o.Currency)))
        {
            var customer = byId[group.Key.CustomerId];
            var currency = Currency.Of(group.Key.Currency);
            var charges = group
                .Select(o => (o.Mark, Charge: LateChargeCalculator.Assess(customer.LateCharges!,
                    new OverdueInvoice(o.Id, o.Number!, o.DueDate, o.OpenAmount, o.DisputedAmount), o.Mark, asOf, currency)))
                .Where(c => c.Charge is not null).ToList();
            if (charges.Count == 0) continue;

            var assessment = new Proto.LateChargeAssessment
            {
                CustomerId = customer.Id,
                Total = MoneyMapping.ToProto(charges.Sum(c => c.Charge!.Amount), currency.Code),
                Lines =
                {
                    charges.Select(c => new Proto.LateChargeLine
                    {
                        InvoiceId = c.Charge!.InvoiceId, InvoiceNumber = c.Charge.InvoiceNumber,
                        OverdueAmount = MoneyMapping.ToProto(c.Charge.Overdue, currency.Code), Days = c.Charge.Days,
                        Charge = MoneyMapping.ToProto(c.Charge.Amount, currency.Code), Basis = c.Charge.Basis,
                    }),
                },
            };
            if (!request.DryRun)
            {
                var invoice = await invoices.RaiseAsync(ChargeInvoice(customer, currency, asOf, charges.Select(c => c.Charge!)), customer,
                    InvoiceKind.LateCharge, ct);
                foreach (var (mark, charge) in charges) Mark(mark, charge!);
                assessment.ChargeInvoiceId = invoice.Id;
                assessment.ChargeInvoiceNumber = invoice.Number;
            }
            response.Assessments.Add(assessment);
        }
        return response;
    }

    private static NewInvoice ChargeInvoice(Customer customer, Currency currency, DateOnly asOf, IEnumerable<LateCharge> charges) =>
        new(customer.Id, asOf, "", currency,
            charges.Select(c => new NewInvoiceLine($"Late charge on {c.InvoiceNumber}: {c.Basis}", ProductCode,
                new LineInput(1m, c.Amount, 0m, 0m))).ToList());

    private void Mark(LateChargeMark? mark, LateCharge charge)
    {
        if (mark is null) db.LateChargeMarks.Add(mark = new LateChargeMark { InvoiceId = charge.InvoiceId });
        mark.ChargedThrough = charge.ChargedThrough;
        mark.FlatFeeCharged |= charge.FlatFee;
    }
}
