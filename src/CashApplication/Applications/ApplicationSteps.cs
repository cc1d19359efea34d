using ArPlatform.CashApplication.Payments;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Billing = ArPlatform.Contracts.Billing.V1;
using Disputes = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.CashApplication.Applications;

/// <summary>What a delivery achieved, for the metrics.</summary>
public enum DeliveryOutcome { None, Applied, Failed, Reversed, NeedsAPerson }

/// <summary>
/// The remote steps of one application, each idempotent on the other side: apply in Billing
/// (also before reversing one whose first delivery may or may not have reached Billing, so the
/// reversal always knows Billing's id), open the deductions, reverse.
/// </summary>
public sealed class ApplicationSteps(
    PaymentApplication application, Payment payment,
    Billing.BillingService.BillingServiceClient billing, Disputes.DisputesService.DisputesServiceClient disputes, OutcomePolicy policy)
{
    public DeliveryOutcome Outcome { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        if (application.BillingApplicationId is null && application.Lines.Count > 0 && !await ApplyAsync(ct)) return;
        if (application.Status == ApplicationStatus.Applied)
            foreach (var line in application.PendingDeductions.ToList())
                await OpenDeductionAsync(line, ct);
        if (application.Status == ApplicationStatus.Reversing) await ReverseAsync(ct);
    }

    private async Task<bool> ApplyAsync(CancellationToken ct)
    {
        try
        {
            var applied = await billing.ApplyPaymentAsync(ApplyRequest(application, payment), CallerContext.OnBehalfOf(application.AppliedBy, application.CorrelationId), cancellationToken: ct);
            Outcome = Applied(application, payment, new Billing.ApplyPaymentResult { Application = applied });
        }
        catch (RpcException e) when (RemoteCallPolicy.IsRefusal(e.StatusCode))
        {
            Outcome = Applied(application, payment, new Billing.ApplyPaymentResult { ErrorCode = e.StatusCode.ToString(), ErrorMessage = e.Status.Detail });
        }
        return Outcome == DeliveryOutcome.Applied;
    }

    /// <summary>
    /// What Billing said to the application (alone or in a batch): applied; refused for good, so
    /// never applied there and its cash is free again here (Failed); or not now (None: retry).
    /// </summary>
    public static DeliveryOutcome Applied(PaymentApplication application, Payment payment, Billing.ApplyPaymentResult result)
    {
        if (result.Application is { } applied)
        {
            application.AppliedInBilling(applied.Id);
            return DeliveryOutcome.Applied;
        }
        if (!Enum.TryParse<StatusCode>(result.ErrorCode, out var code) || !RemoteCallPolicy.IsRefusal(code)) return DeliveryOutcome.None;
        var reversing = application.Status == ApplicationStatus.Reversing;
        application.RefusedByBilling(RemoteCallPolicy.Describe(result.ErrorCode, result.ErrorMessage));
        if (reversing) application.ReversedInBilling();
        payment.Release(application.Cash, application.OnAccount);
        return DeliveryOutcome.Failed;
    }

    private async Task OpenDeductionAsync(ApplicationLine line, CancellationToken ct)
    {
        try
        {
            var dispute = await disputes.OpenDisputeAsync(DeductionRequest(application, payment, line, policy),
                CallerContext.OnBehalfOf(application.AppliedBy, application.CorrelationId), cancellationToken: ct);
            Opened(line, new Disputes.OpenDisputeResult { Dispute = dispute });
        }
        catch (RpcException e) when (RemoteCallPolicy.IsRefusal(e.StatusCode))
        {
            Opened(line, new Disputes.OpenDisputeResult { ErrorCode = e.StatusCode.ToString(), ErrorMessage = e.Status.Detail });
        }
    }

    /// <summary>The deduction case a short-paid line opens in Disputes: its request id is the line's, so a repeat is a replay there.</summary>
    public static Disputes.OpenDisputeRequest DeductionRequest(PaymentApplication application, Payment payment, ApplicationLine line, OutcomePolicy policy) => new()
    {
        RequestId = $"{application.Id}-{line.LineNumber}",
        Dispute = new Disputes.Dispute
        {
            InvoiceId = line.InvoiceId,
            Amount = MoneyMapping.ToProto(line.Shortfall, application.Currency),
            ReasonCode = ReasonCode(policy, line.DeductionReason),
            Source = Disputes.DisputeSource.ShortPay,
            Description = $"Short-paid {line.Shortfall:0.00} {application.Currency} on invoice {line.InvoiceNumber} " +
                          $"by payment {ReferenceOf(payment)}; payer's reason: {line.DeductionReason}",
            PaymentReference = ReferenceOf(payment),
            RemittanceReference = line.DeductionReason,
        },
    };

    /// <summary>
    /// What Disputes said to a deduction (alone or in a batch): opened, so the line knows its
    /// case; refused for good, with the reason on the line for a person; or not now (false: retry).
    /// </summary>
    public static bool Opened(ApplicationLine line, Disputes.OpenDisputeResult result)
    {
        if (result.Dispute is { } dispute)
        {
            line.DisputeId = dispute.Id;
            return true;
        }
        if (!Enum.TryParse<StatusCode>(result.ErrorCode, out var code) || !RemoteCallPolicy.IsRefusal(code)) return false;
        line.DeductionError = RemoteCallPolicy.Describe(result.ErrorCode, result.ErrorMessage);
        return true;
    }

    private async Task ReverseAsync(CancellationToken ct)
    {
        if (application.BillingApplicationId is { } billingId)
        {
            try
            {
                await billing.ReversePaymentApplicationAsync(new Billing.ReversePaymentApplicationRequest
                {
                    Id = billingId, RequestId = $"{application.Id}-reversal", Reason = application.ReversalReason,
                }, CallerContext.OnBehalfOf(application.ReversedBy, application.CorrelationId), cancellationToken: ct);
            }
            catch (RpcException e) when (RemoteCallPolicy.IsRefusal(e.StatusCode))
            {
                application.NeedsAPerson(RemoteCallPolicy.Describe(e));
                Outcome = DeliveryOutcome.NeedsAPerson;
                return;
            }
        }
        application.ReversedInBilling();
        payment.Release(application.Cash, application.OnAccount);
        Outcome = DeliveryOutcome.Reversed;
    }

    private static string ReferenceOf(Payment payment) => payment.BankReference.Length > 0 ? payment.BankReference : $"payment {payment.Id}";

    /// <summary>The application as Billing's request: its id is the idempotency key.</summary>
    public static Billing.ApplyPaymentRequest ApplyRequest(PaymentApplication application, Payment payment) => new()
    {
        RequestId = application.Id,
        PaymentReference = ReferenceOf(payment),
        AppliedOn = application.AppliedOn.ToString("yyyy-MM-dd"),
        Allocations =
        {
            application.Lines.OrderBy(l => l.LineNumber).Select(l => new Billing.PaymentAllocation
            {
                InvoiceId = l.InvoiceId,
                Amount = MoneyMapping.ToProto(l.Amount, application.Currency),
                WriteOffAmount = Part(application, l, ShortfallTreatment.WriteOff),
                WithholdingTaxAmount = Part(application, l, ShortfallTreatment.WithholdingTax),
                DiscountAmount = Part(application, l, ShortfallTreatment.Discount),
            }),
        },
    };

    private static Money? Part(PaymentApplication application, ApplicationLine line, ShortfallTreatment treatment) =>
        line.Treatment == treatment && line.Shortfall > 0m ? MoneyMapping.ToProto(line.Shortfall, application.Currency) : null;

    /// <summary>The payer's code as configured, else a reason already named as Disputes names it (read from the payer's words), else OTHER.</summary>
    private static Disputes.DisputeReasonCode ReasonCode(OutcomePolicy policy, string payerReason)
    {
        var name = policy.DeductionReasons.GetValueOrDefault(payerReason, payerReason);
        // A payer's numeric code ("01") is theirs, not the wire enum's number.
        return name.Any(char.IsLetter)
               && Enum.TryParse<Disputes.DisputeReasonCode>(name.Replace("_", ""), ignoreCase: true, out var code)
               && code != Disputes.DisputeReasonCode.Unspecified
            ? code
            : Disputes.DisputeReasonCode.Other;
    }
}
