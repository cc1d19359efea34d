using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Dunning;

/// <summary>
/// A dunning step taken for one invoice. Unique per invoice and step: the database itself
/// refuses a second one, whichever replica or restarted run tries.
/// </summary>
public sealed class DunningAction
{
    public required string Id { get; set; }
    public required string CustomerId { get; init; }
    public required string InvoiceId { get; init; }
    public string InvoiceNumber { get; init; } = "";
    public required string Step { get; init; }
    public int OffsetDays { get; init; }
    public DunningChannel Channel { get; init; }
    public string Template { get; init; } = "";
    public required string Currency { get; init; }
    public decimal OpenAmount { get; init; }
    public DateOnly DueDate { get; init; }
    public DateOnly AsOf { get; init; }
    /// <summary>The e-mail that carried it (one per customer and run).</summary>
    public string? MessageId { get; set; }
    public DateTime CreatedAt { get; init; }
}
