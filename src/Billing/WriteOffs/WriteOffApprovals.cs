using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Errors;
using Grpc.Core;
using Collections = ArPlatform.Contracts.Collections.V1;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.WriteOffs;

/// <summary>
/// Asks Collections, which owns write-off approvals, whether a posting is one it approved: the
/// request it names exists, is approved, and carries the posting's reference, invoice, amount,
/// requester and approver. A reference nobody approved, or an approval for something else, is
/// refused, whoever presents it.
/// </summary>
public sealed class WriteOffApprovals(Collections.CollectionsService.CollectionsServiceClient collections)
{
    public async Task EnsureApprovedAsync(Proto.PostWriteOffRequest posting, SharedKernel.Money amount, CancellationToken ct)
    {
        var approval = await FindAsync(posting.WriteOffId, ct)
                       ?? throw NotApproved(posting, $"Collections has no write-off {posting.WriteOffId}.");
        // POSTED too: a second posting of it is then refused as the reference already posted.
        if (approval.Status is not (Collections.WriteOffStatus.Approved or Collections.WriteOffStatus.Posted))
            throw NotApproved(posting, $"Write-off {approval.Number} is {approval.Status} in Collections, not approved.");
        var differences = new List<string>();
        if (approval.Number != posting.WriteOffReference) differences.Add($"its reference is {approval.Number}");
        if (approval.InvoiceId != posting.InvoiceId) differences.Add($"its invoice is {approval.InvoiceId}");
        if (approval.Amount?.Currency != amount.Currency.Code || approval.Amount.ToDecimal() != amount.Amount)
            differences.Add($"its amount is {approval.Amount?.Currency} {approval.Amount?.Amount}");
        if (approval.RequestedBy != posting.RequestedBy) differences.Add($"it was requested by {approval.RequestedBy}");
        if (approval.DecidedBy != posting.ApprovedBy) differences.Add($"it was approved by {approval.DecidedBy}");
        if (differences.Count > 0)
            throw NotApproved(posting, $"The posting is not what Collections approved as write-off {posting.WriteOffId}: {string.Join("; ", differences)}.");
    }

    private async Task<Collections.WriteOffRequest?> FindAsync(string id, CancellationToken ct)
    {
        try
        {
            return await collections.GetWriteOffAsync(new Collections.GetWriteOffRequest { Id = id }, cancellationToken: ct);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
    }

    private static PreconditionFailedException NotApproved(Proto.PostWriteOffRequest posting, string why) =>
        new("WRITE_OFF_NOT_APPROVED", $"write-offs/{posting.WriteOffReference}", why);
}
