using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.CashApplication.Matching;
using ArPlatform.CashApplication.Payments;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArPlatform.CashApplication.Applications;

/// <summary>
/// Learns who pays, from the applications people make and take back — each one a label. A
/// payer's bank account is learned from every person's application and every automatic one sure
/// of its remittance, never from a match that only guessed the payer (a guess never teaches
/// itself). A payer name is learned only from a person, and only when it does not already say
/// who the customer is ("ACME HOLDINGS PAYMENT FACTORY" for Acme Corp). A person unapplying an
/// application for a customer forgets what taught matching that this payer is that customer: a
/// wrong lesson must not keep applying (a right one is taught again by the next person's
/// application). Every lesson taught, taught again or forgotten is audited in the command that
/// did it.
/// </summary>
public sealed class PayerLearning(
    CashApplicationDbContext db, CommandExecutor<CashApplicationDbContext> commands, IOptions<MatchPolicy> policy, TimeProvider clock)
{
    /// <summary>The lessons, live or forgotten, of the payers <see cref="ReadAsync"/> read: what learning them looks up.</summary>
    private readonly Dictionary<(PayerLessonKind, string), List<PayerLesson>> _read = [];

    /// <summary>
    /// Reads (tracked) the lessons of these payments' payers before their applications are
    /// committed: one query per 500 payers, not one per application. Automatic applications
    /// teach bank accounts only, so for them no name is read.
    /// </summary>
    public async Task ReadAsync(IEnumerable<Payment> payments, bool automatic, CancellationToken ct)
    {
        _read.Clear();
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var payment in payments)
        {
            if (payment.PayerAccount.Length > 0) accounts.Add(payment.PayerAccount);
            if (!automatic && PayerNames.Normalise(payment.PayerName) is { Length: > 0 } name) names.Add(name);
        }
        foreach (var (kind, payers) in new[] { (PayerLessonKind.BankAccount, accounts), (PayerLessonKind.PayerName, names) })
        {
            foreach (var payer in payers) _read[(kind, payer)] = [];
            foreach (var chunk in payers.Chunk(500))
                foreach (var lesson in await db.PayerLessons.Where(l => l.Kind == kind && chunk.Contains(l.Payer)).ToListAsync(ct))
                    _read[(kind, lesson.Payer)].Add(lesson);
        }
    }

    /// <summary>
    /// What a committed application teaches about its payment's payer. <paramref name="customerName"/>
    /// (a person's application only) is the customer's name as Billing has it: a payer name that
    /// does not resemble it is learned.
    /// </summary>
    /// <param name="payerConfirmed">
    /// Whether the application says who paid beyond guessing: every person's, and an automatic
    /// one that rests on the invoice's own number (not on the payer's account or name, or a
    /// guess would teach itself).
    /// </param>
    public void Learn(Payment payment, PaymentApplication application, string? customerName, bool payerConfirmed)
    {
        if (payment.PayerAccount.Length > 0 && payerConfirmed)
            Teach(PayerLessonKind.BankAccount, payment.PayerAccount, application);
        var name = PayerNames.Normalise(payment.PayerName);
        if (!application.Automatic && customerName is not null && PayerNames.CanBeTaught(name)
            && NameSimilarity.Score(payment.PayerName, customerName) < policy.Value.NameThreshold)
            Teach(PayerLessonKind.PayerName, name, application);
    }

    private void Teach(PayerLessonKind kind, string payer, PaymentApplication application)
    {
        if (!_read.TryGetValue((kind, payer), out var lessons))
            throw new InvalidOperationException($"The lessons of the payment's payers are read (ReadAsync) before its application is committed.");
        var now = clock.GetUtcNow().UtcDateTime;
        var lesson = lessons.FirstOrDefault(l => l.CustomerId == application.CustomerId);
        if (lesson is { IsLive: true }) return; // known already: its first teacher stays the one to answer for it
        if (lesson is null)
        {
            lesson = PayerLesson.Taught(kind, payer, application, now);
            db.PayerLessons.Add(lesson);
            lessons.Add(lesson);
            commands.Audit("payer-lesson", lesson.Id, null, lesson.ToProto(showBankingDetails: false));
            return;
        }
        var before = lesson.ToProto(showBankingDetails: false);
        lesson.TaughtAgain(application, now);
        commands.Audit("payer-lesson", lesson.Id, before, lesson.ToProto(showBankingDetails: false));
    }

    /// <summary>
    /// A person takes <paramref name="application"/> back: what says this payment's payer (its
    /// bank account, its name) is the application's customer is forgotten, and whatever the
    /// application itself taught.
    /// </summary>
    public async Task ForgetAsync(Payment payment, PaymentApplication application, string actor, string reason, CancellationToken ct)
    {
        var (account, name, customer) = (payment.PayerAccount, PayerNames.Normalise(payment.PayerName), application.CustomerId);
        var lessons = await db.PayerLessons
            .Where(l => l.ForgottenAt == null && (l.LearnedFrom == application.Id || (l.CustomerId == customer
                && ((l.Kind == PayerLessonKind.BankAccount && l.Payer == account && account != "")
                    || (l.Kind == PayerLessonKind.PayerName && l.Payer == name && name != "")))))
            .ToListAsync(ct);
        foreach (var lesson in lessons) Forget(lesson, actor, $"application {application.Id} unapplied: {reason}");
    }

    /// <summary>Forgets one lesson (a live one; a forgotten one stays as it was).</summary>
    public void Forget(PayerLesson lesson, string actor, string reason)
    {
        if (!lesson.IsLive) return;
        var before = lesson.ToProto(showBankingDetails: false);
        lesson.Forget(actor, reason, clock.GetUtcNow().UtcDateTime);
        commands.Audit("payer-lesson", lesson.Id, before, lesson.ToProto(showBankingDetails: false));
    }

    /// <summary>
    /// What is learned now of these payers: each bank account and payer name with live lessons
    /// for one customer only (taught for two, it identifies neither).
    /// </summary>
    public async Task<LearnedPayers> KnownAsync(IReadOnlyCollection<string> accounts, IReadOnlyCollection<string> payerNames, CancellationToken ct)
    {
        var wantedAccounts = accounts.Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var wantedNames = payerNames.Select(PayerNames.Normalise).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return new LearnedPayers(wantedAccounts, wantedNames,
            await CustomersOfAsync(PayerLessonKind.BankAccount, wantedAccounts, ct), await CustomersOfAsync(PayerLessonKind.PayerName, wantedNames, ct));
    }

    private async Task<Dictionary<string, string>> CustomersOfAsync(PayerLessonKind kind, List<string> payers, CancellationToken ct)
    {
        var taught = new List<(string Payer, string CustomerId)>();
        // In chunks: one query per 500 payers, whatever the batch size.
        foreach (var chunk in payers.Chunk(500))
            taught.AddRange((await db.PayerLessons.AsNoTracking()
                    .Where(l => l.Kind == kind && l.ForgottenAt == null && chunk.Contains(l.Payer))
                    .Select(l => new { l.Payer, l.CustomerId }).ToListAsync(ct))
                .Select(l => (l.Payer, l.CustomerId)));
        return taught.GroupBy(t => t.Payer, StringComparer.Ordinal)
            .Where(g => g.Select(t => t.CustomerId).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().CustomerId, StringComparer.Ordinal);
    }
}
