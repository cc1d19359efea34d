using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Applications;

/// <summary>
/// What people see of matching's lessons and how they take one back: listed by customer (the
/// bank account in full only for the roles that work with it), forgotten by request.
/// </summary>
public sealed class PayerLessons(
    CashApplicationDbContext db, CommandExecutor<CashApplicationDbContext> commands, PayerLearning learning, CallerContext caller)
{
    private bool ShowBankingDetails => caller.IsInAnyRole(Roles.SeeBankingDetails);

    public async Task<Proto.ListPayerLessonsResponse> ListAsync(Proto.ListPayerLessonsRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        v.MaxLength("customer_id", request.CustomerId, 26);
        if (!Enum.IsDefined(request.Kind)) v.Add("kind", "is not a payer lesson kind");
        v.ThrowIfInvalid();
        var query = db.PayerLessons.AsNoTracking();
        if (request.CustomerId.Length > 0) query = query.Where(l => l.CustomerId == request.CustomerId);
        if (!request.ShowForgotten) query = query.Where(l => l.ForgottenAt == null);
        if (request.Kind != Proto.PayerLessonKind.Unspecified)
        {
            var kind = (PayerLessonKind)(int)request.Kind;
            query = query.Where(l => l.Kind == kind);
        }
        var (items, next) = await query.ToPageAsync(page, l => l.Id, ct);
        var ambiguous = await AmbiguousAsync(items, ct);
        var show = ShowBankingDetails;
        return new Proto.ListPayerLessonsResponse
        {
            Lessons = { items.Select(l => l.ToProto(show, l.IsLive && ambiguous.Contains((l.Kind, l.Payer)))) },
            NextPageToken = next,
        };
    }

    public async Task<Proto.PayerLesson> ForgetAsync(Proto.ForgetPayerLessonRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.Require("id", request.Id).MaxLength("id", request.Id, 26).RequestId(request.RequestId).MaxLength("reason", request.Reason, 200);
        v.ThrowIfInvalid();
        var forgotten = await commands.ExecuteAsync("ForgetPayerLesson", request.RequestId, request, async token =>
        {
            var lesson = await db.PayerLessons.FirstOrDefaultAsync(l => l.Id == request.Id, token) ?? throw new NotFoundException("payer lesson", request.Id);
            var reason = CardNumbers.Mask(request.Reason.Trim());
            learning.Forget(lesson, caller.Actor, reason.Length > 0 ? reason : "forgotten by a person");
            return lesson.ToProto(showBankingDetails: false);
        }, ct);
        // The stored result masks the account for whoever replays it; the caller sees what their role may.
        var now = await db.PayerLessons.AsNoTracking().FirstAsync(l => l.Id == forgotten.Id, ct);
        return now.ToProto(ShowBankingDetails, now.IsLive && (await AmbiguousAsync([now], ct)).Count > 0);
    }

    /// <summary>Of these lessons' payers, those with live lessons for more than one customer.</summary>
    private async Task<HashSet<(PayerLessonKind, string)>> AmbiguousAsync(IReadOnlyList<PayerLesson> lessons, CancellationToken ct)
    {
        var ambiguous = new HashSet<(PayerLessonKind, string)>();
        foreach (var kind in lessons.Select(l => l.Kind).Distinct())
        {
            var payers = lessons.Where(l => l.Kind == kind).Select(l => l.Payer).Distinct().ToList();
            var shared = await db.PayerLessons.AsNoTracking()
                .Where(l => l.Kind == kind && l.ForgottenAt == null && payers.Contains(l.Payer))
                .GroupBy(l => l.Payer).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(ct);
            ambiguous.UnionWith(shared.Select(p => (kind, p)));
        }
        return ambiguous;
    }
}
