using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Payments;

/// <summary>
/// Payments as callers see them: with their applications (one query for a whole page), and the
/// payer's bank account in full only for the roles that work with it.
/// </summary>
public sealed class PaymentViews(CashApplicationDbContext db, CallerContext caller)
{
    public bool ShowBankingDetails => caller.IsInAnyRole(Roles.SeeBankingDetails);

    public async Task<Proto.Payment> PaymentAsync(Payment payment, CancellationToken ct) =>
        (await PaymentsAsync([payment], ct))[0];

    public async Task<IReadOnlyList<Proto.Payment>> PaymentsAsync(IReadOnlyList<Payment> payments, CancellationToken ct)
    {
        var ids = payments.Select(p => p.Id).ToList();
        // As stored (fresh: the dispatcher may have moved them on), and this command's own not yet saved.
        var stored = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.PaymentId)).ToListAsync(ct);
        var added = db.ChangeTracker.Entries<PaymentApplication>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
        var applications = stored.Concat(added.Where(a => ids.Contains(a.PaymentId))).ToLookup(a => a.PaymentId);
        var show = ShowBankingDetails;
        return payments.Select(p => p.ToProto(show, applications[p.Id].OrderBy(a => a.Id, StringComparer.Ordinal))).ToList();
    }
}
