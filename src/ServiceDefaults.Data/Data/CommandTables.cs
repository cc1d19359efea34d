using Microsoft.EntityFrameworkCore;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// The first result of a mutating request, stored in the same transaction as the change it made,
/// so a retry with the same request id gets that result back and changes nothing.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>
    /// "{operation}@{caller}:{request id}" for a caller's request (the caller hashed), or
    /// "{operation}:{key}" for a command the service keys itself.
    /// </summary>
    public required string Key { get; init; }
    /// <summary>SHA-256 of the request: the same key with a different request is refused.</summary>
    public required string RequestHash { get; init; }
    public required byte[] Response { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>A gapless counter: customer numbers, invoice numbers per year, the audit trail's sequence.</summary>
public sealed class NumberSeries
{
    public required string Key { get; init; }
    public long LastNumber { get; set; }
}

public static class CommandModel
{
    /// <summary>Tables every service that takes commands needs: idempotency, number series, audit trail, replicas' leases.</summary>
    public static ModelBuilder AddCommandTables(this ModelBuilder model)
    {
        model.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("IdempotencyRecords");
            e.HasKey(r => r.Key);
            e.Property(r => r.Key).HasMaxLength(200);
            e.Property(r => r.RequestHash).HasMaxLength(64);
        });
        model.Entity<Audit.AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            // Assigned by the writer, not the database: the chain's order must be the commit order.
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            // Entity snapshots: unbounded text (the 200-character convention does not apply).
            e.Property(a => a.Before).Metadata.SetMaxLength(null);
            e.Property(a => a.After).Metadata.SetMaxLength(null);
            e.Property(a => a.Operation).HasMaxLength(100);
            e.Property(a => a.EntityType).HasMaxLength(50);
            e.Property(a => a.EntityId).HasMaxLength(100);
            e.Property(a => a.CorrelationId).HasMaxLength(128);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => new { a.EntityType, a.EntityId, a.Sequence });
            e.HasIndex(a => a.At);
        });
        model.Entity<NumberSeries>(e =>
        {
            e.ToTable("NumberSeries");
            e.HasKey(s => s.Key);
            // Taken by an update in place, which holds the row until the command commits (CommandExecutor).
            e.Property(s => s.Key).HasMaxLength(50);
        });
        model.Entity<Lease>(e =>
        {
            e.ToTable("Leases");
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(100);
        });
        return model;
    }
}
