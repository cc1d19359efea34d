using Microsoft.EntityFrameworkCore;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// The first result of a mutating request, stored in the same transaction as the change it made,
/// so a retry with the same request id gets that result back and changes nothing.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>"{operation}:{request id}".</summary>
    public required string Key { get; init; }
    /// <summary>SHA-256 of the request: the same key with a different request is refused.</summary>
    public required string RequestHash { get; init; }
    public required byte[] Response { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>A gapless counter: customer numbers, invoice numbers per year.</summary>
public sealed class NumberSeries
{
    public required string Key { get; init; }
    public long LastNumber { get; set; }
}

public static class CommandModel
{
    /// <summary>Tables every service that takes commands needs.</summary>
    public static ModelBuilder AddCommandTables(this ModelBuilder model)
    {
        model.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("IdempotencyRecords");
            e.HasKey(r => r.Key);
            e.Property(r => r.Key).HasMaxLength(200);
            e.Property(r => r.RequestHash).HasMaxLength(64);
        });
        model.Entity<NumberSeries>(e =>
        {
            e.ToTable("NumberSeries");
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(50);
            // Two transactions taking the same number: the second fails and is retried.
            e.Property(s => s.LastNumber).IsConcurrencyToken();
        });
        return model;
    }
}
