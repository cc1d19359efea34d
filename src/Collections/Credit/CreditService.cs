using ArPlatform.Collections.BillingReads;
using ArPlatform.Collections.Data;
using ArPlatform.Collections.Grpc;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.SharedKernel;
using Microsoft.Extensions.Options;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Credit;

/// <summary>
/// Credit status and holds. The limit is Billing's (customer master) and the exposure Billing's
/// open balance in the limit's currency; the hold, the risk rating and the strategic flag are
/// Collections's decisions, each change audited.
/// </summary>
public sealed class CreditService(
    CollectionsDbContext db, CommandExecutor<CollectionsDbContext> commands, BillingReader billing,
    CallerContext caller, IOptions<CreditOptions> options, TimeProvider clock)
{
    public async Task<Proto.CreditStatus> GetStatusAsync(string customerId, CancellationToken ct)
    {
        Validator.RequiredId("customer_id", customerId, 26);
        var customer = await billing.VisibleCustomerAsync(customerId, ct);
        var profile = await db.Profiles.FindAsync([customerId], ct) ?? new AccountProfile { CustomerId = customerId };
        return await WithExposureAsync(profile.ToProto(), customer, ct);
    }

    public Task<Proto.CreditStatus> PlaceHoldAsync(Proto.PlaceCreditHoldRequest request, CancellationToken ct)
    {
        Check(request.CustomerId, request.RequestId).MaxLength("note", request.Note, 1000).ThrowIfInvalid();
        return ChangeAsync("PlaceCreditHold", request.CustomerId, request.RequestId, request, (profile, now) =>
        {
            if (profile.OnHold)
                throw new PreconditionFailedException("ALREADY_ON_HOLD", $"customer/{profile.CustomerId}", "The customer is already on credit hold.");
            profile.Hold(Proto.HoldReason.Manual, caller.Actor, CardNumbers.Mask(request.Note), now);
        }, ct);
    }

    public Task<Proto.CreditStatus> ReleaseHoldAsync(Proto.ReleaseCreditHoldRequest request, CancellationToken ct)
    {
        var v = Check(request.CustomerId, request.RequestId).MaxLength("note", request.Note, 1000).Require("note", request.Note);
        var until = v.Date("override_until", request.OverrideUntil);
        v.ThrowIfInvalid();
        return ChangeAsync("ReleaseCreditHold", request.CustomerId, request.RequestId, request, (profile, now) =>
        {
            if (!profile.OnHold)
                throw new PreconditionFailedException("NOT_ON_HOLD", $"customer/{profile.CustomerId}", "The customer is not on credit hold.");
            if (string.Equals(profile.HeldBy, caller.Actor, StringComparison.Ordinal))
                throw new PreconditionFailedException("SEGREGATION_OF_DUTIES", $"customer/{profile.CustomerId}",
                    "A hold is released by someone other than the person who placed it.");
            var today = DateOnly.FromDateTime(now);
            profile.Release(caller.Actor, CardNumbers.Mask(request.Note), until ?? today.AddDays(options.Value.ReleaseOverrideDays), now);
        }, ct);
    }

    public Task<Proto.CreditStatus> UpdateProfileAsync(Proto.UpdateCreditProfileRequest request, CancellationToken ct)
    {
        var v = Check(request.CustomerId, request.RequestId);
        if (request.RiskRating == Proto.RiskRating.Unspecified || !Enum.IsDefined(request.RiskRating))
            v.Add("risk_rating", "is required: LOW, MEDIUM or HIGH");
        if (request.StatementDayOfMonth is < 0 or > 31) v.Add("statement_day_of_month", "must be 1 to 31, or 0 for the default");
        v.ThrowIfInvalid();
        return ChangeAsync("UpdateCreditProfile", request.CustomerId, request.RequestId, request, (profile, _) =>
        {
            profile.Risk = request.RiskRating;
            profile.Strategic = request.Strategic;
            profile.StatementDayOfMonth = request.StatementDayOfMonth;
            profile.Version++;
        }, ct);
    }

    private async Task<Proto.CreditStatus> ChangeAsync(string operation, string customerId, string requestId, Google.Protobuf.IMessage request,
        Action<AccountProfile, DateTime> change, CancellationToken ct)
    {
        var customer = await billing.VisibleCustomerAsync(customerId, ct);
        var changed = await commands.ExecuteAsync(operation, requestId, request, async token =>
        {
            var profile = await db.Profiles.FindAsync([customerId], token);
            if (profile is null) db.Profiles.Add(profile = new AccountProfile { CustomerId = customerId });
            var before = profile.ToProto();
            change(profile, clock.GetUtcNow().UtcDateTime);
            var after = profile.ToProto();
            commands.Audit("credit_profile", customerId, before, after);
            return after;
        }, ct);
        return await WithExposureAsync(changed, customer, ct);
    }

    /// <summary>The profile's decisions with Billing's limit and today's exposure beside them.</summary>
    private async Task<Proto.CreditStatus> WithExposureAsync(Proto.CreditStatus status, Contracts.Billing.V1.Customer customer, CancellationToken ct)
    {
        var (currency, limit) = customer.CreditLine();
        var balance = await billing.BalanceAsync(customer.Id, ct);
        var exposure = balance.Balances.Where(b => b.Currency == currency).Sum(b => b.Open.ToDecimal());
        status.CreditLimit = customer.CreditLimit ?? MoneyMapping.ToProto(0m, currency);
        status.Exposure = MoneyMapping.ToProto(exposure, currency);
        status.Available = MoneyMapping.ToProto(Math.Max(0m, (limit ?? 0m) - exposure), currency);
        status.UtilisationPercent = CreditPolicy.UtilisationPercent(exposure, limit)?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return status;
    }

    private static Validator Check(string customerId, string requestId) =>
        new Validator().RequestId(requestId).Require("customer_id", customerId).MaxLength("customer_id", customerId, 26);
}
