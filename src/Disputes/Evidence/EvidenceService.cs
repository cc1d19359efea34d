using System.Security.Cryptography;
using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Grpc;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Evidence;

/// <summary>Documents attached to cases, stored in the service's database with their SHA-256.</summary>
public sealed class EvidenceService(
    DisputesDbContext db, CommandExecutor<DisputesDbContext> commands, CallerContext caller,
    IOptions<EvidenceOptions> options, TimeProvider clock)
{
    public Task<Proto.Evidence> AttachAsync(Proto.AttachEvidenceRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.Require("dispute_id", request.DisputeId).MaxLength("dispute_id", request.DisputeId, 26).RequestId(request.RequestId);
        var evidence = v.Resource("evidence", request.Evidence);
        v.Require("evidence.file_name", evidence.FileName).MaxLength("evidence.file_name", evidence.FileName, 255);
        if (evidence.Kind == Proto.EvidenceKind.Unspecified || !Enum.IsDefined(evidence.Kind))
            v.Add("evidence.kind", "is required: PROOF_OF_DELIVERY, CONTRACT, EMAIL or OTHER");
        var contentType = evidence.ContentType.Trim().ToLowerInvariant();
        if (EvidencePolicy.Refuse(contentType, evidence.Content.Span, options.Value.MaxBytes) is { } refusal)
            v.Add(refusal.Field, refusal.Description);
        if (CardNumbers.ContainsCardNumber(evidence.FileName)) v.Add("evidence.file_name", "contains a card number");
        v.ThrowIfInvalid();

        return commands.ExecuteAsync("AttachEvidence", request.RequestId, request, async token =>
        {
            if (!await db.Disputes.AnyAsync(d => d.Id == request.DisputeId, token))
                throw new NotFoundException("dispute", request.DisputeId);
            var content = evidence.Content.ToByteArray();
            var file = new EvidenceFile
            {
                Id = Ulid.NewUlid().ToString(),
                DisputeId = request.DisputeId,
                Kind = (EvidenceKind)(int)evidence.Kind,
                FileName = evidence.FileName.Trim(),
                ContentType = contentType,
                SizeBytes = content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                UploadedBy = caller.Actor,
                UploadedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Evidence.Add(file);
            db.EvidenceContents.Add(new EvidenceContent { EvidenceId = file.Id, Content = content });
            // The response leaves the content out: the idempotency record stores it, and the
            // caller has just sent it.
            var attached = file.ToProto();
            commands.Audit("evidence", file.Id, null, attached);
            return attached;
        }, ct);
    }

    public async Task<Proto.Evidence> GetAsync(Proto.GetEvidenceRequest request, CancellationToken ct)
    {
        new Validator().Require("dispute_id", request.DisputeId).Require("id", request.Id).ThrowIfInvalid();
        var file = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.Id && e.DisputeId == request.DisputeId, ct)
                   ?? throw new NotFoundException("evidence", request.Id);
        var content = await db.EvidenceContents.AsNoTracking().Where(c => c.EvidenceId == file.Id).Select(c => c.Content).FirstAsync(ct);
        return file.ToProto(content);
    }
}
