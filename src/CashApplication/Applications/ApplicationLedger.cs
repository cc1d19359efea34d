using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.CashApplication.Payments;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.Extensions.Options;

namespace ArPlatform.CashApplication.Applications;

/// <summary>
/// The one way an application is committed here: the payment's cash taken, the application
/// stored pending (its own outbox row), what it teaches about the payer learned
/// (<see cref="PayerLearning"/>), the change audited, and delivery to Billing started once the command commits.
/// </summary>
public sealed class ApplicationLedger(
    CashApplicationDbContext db, CommandExecutor<CashApplicationDbContext> commands, ApplicationDispatcher dispatcher,
    PayerLearning learning, IOptions<DispatchOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Takes a batch of payments read untracked (on another connection) into this command as they
    /// were read, so what committing changes of them is saved and checked against that; and reads
    /// ahead what committing applications of them looks up.
    /// </summary>
    public Task PrepareAsync(IReadOnlyCollection<Payment> payments, CancellationToken ct)
    {
        db.Payments.AttachRange(payments);
        return learning.ReadAsync(payments, automatic: true, ct);
    }

    /// <param name="customerName">For a person's application, the customer's name as Billing has it (what tells whether the payer's name is worth learning).</param>
    /// <param name="payerConfirmed">Whether it may teach who the payer is (<see cref="PayerLearning.Learn"/>).</param>
    public PaymentApplication Commit(Payment payment, PaymentApplication draft, string? customerName = null, bool payerConfirmed = true)
    {
        payment.Commit(draft.CustomerId, draft.Cash, draft.OnAccount);
        var application = PaymentApplication.Create(draft, clock.GetUtcNow().UtcDateTime);
        db.Applications.Add(application);
        commands.Audit("payment-application", application.Id, null, application.ToProto());
        learning.Learn(payment, application, customerName, payerConfirmed);
        DeliverAfterCommit();
        return application;
    }

    /// <summary>
    /// Saves what a batch committed and lets it go: the new applications (with their lines) and
    /// the payments they took in bulk, the lessons learned through EF, in the command's
    /// transaction. For thousands of applications at once, where tracked writes cost the most.
    /// </summary>
    public async Task SaveBatchAsync(CancellationToken ct)
    {
        using (db.ChangesDetectedOnce())
        {
            await db.InsertAddedAsync<PaymentApplication>(ct);
            await db.SaveModifiedAsync<Payment>(ct);
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>Starts taking an application back off the invoices (Billing first, then the cash here).</summary>
    public void Reverse(PaymentApplication application, string actor, string reason)
    {
        var before = application.ToProto();
        application.StartReversal(actor, reason, clock.GetUtcNow().UtcDateTime);
        commands.Audit("payment-application", application.Id, before, application.ToProto());
        DeliverAfterCommit();
    }

    private void DeliverAfterCommit()
    {
        if (options.Value.DeliverAfterCommit)
            commands.AfterCommit("application-dispatch", () => dispatcher.DeliverDueAsync(CancellationToken.None));
    }
}
