namespace ArPlatform.Disputes.Evidence;

public enum EvidenceKind
{
    ProofOfDelivery = 1,
    Contract = 2,
    Email = 3,
    Other = 4,
}

/// <summary>A document attached to a case: what it is; its bytes live in <see cref="EvidenceContent"/>.</summary>
public sealed class EvidenceFile
{
    public required string Id { get; init; }
    public required string DisputeId { get; init; }
    public EvidenceKind Kind { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
    public required string UploadedBy { get; init; }
    public DateTime UploadedAt { get; init; }
}

public sealed class EvidenceContent
{
    public required string EvidenceId { get; init; }
    public required byte[] Content { get; init; }
}
