using ArPlatform.Collections.Activities;
using ArPlatform.Collections.Allowance;
using ArPlatform.Collections.Credit;
using ArPlatform.Collections.Dunning;
using ArPlatform.Collections.Forecasts;
using ArPlatform.Collections.Mail;
using ArPlatform.Collections.Promises;
using ArPlatform.Collections.WriteOffs;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArPlatform.Collections.Data;

internal sealed class AccountProfileConfiguration : IEntityTypeConfiguration<AccountProfile>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<AccountProfile> e)
    {
        e.ToTable("AccountProfiles");
        e.HasKey(p => p.CustomerId);
        e.Property(p => p.CustomerId).HasMaxLength(26);
        e.Property(p => p.HeldBy).HasMaxLength(100);
        e.Property(p => p.Version).IsConcurrencyToken();
        // One JSON column (the profile stays a flat row, so a run's holds insert in bulk).
        e.Property(p => p.History).HasConversion(
                history => JsonSerializer.Serialize(history, JsonOptions),
                json => JsonSerializer.Deserialize<List<CreditHistoryEntry>>(json, JsonOptions) ?? new List<CreditHistoryEntry>(),
                new ValueComparer<List<CreditHistoryEntry>>(
                    (a, b) => JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(b, JsonOptions),
                    history => JsonSerializer.Serialize(history, JsonOptions).GetHashCode(),
                    history => JsonSerializer.Deserialize<List<CreditHistoryEntry>>(JsonSerializer.Serialize(history, JsonOptions), JsonOptions)!))
            .HasMaxLength(int.MaxValue);
    }
}

internal sealed class AccountStandingConfiguration : IEntityTypeConfiguration<AccountStanding>
{
    public void Configure(EntityTypeBuilder<AccountStanding> e)
    {
        e.ToTable("AccountStandings");
        e.HasKey(s => new { s.CustomerId, s.Currency });
        e.Property(s => s.CustomerId).HasMaxLength(26);
        e.Property(s => s.Currency).HasMaxLength(3);
        e.Property(s => s.Collector).HasMaxLength(100);
        e.Property(s => s.Region).HasMaxLength(16);
        e.Property(s => s.Segment).HasMaxLength(64);
        e.Property(s => s.NextStep).HasMaxLength(64);
        // A collector's worklist reads their accounts only.
        e.HasIndex(s => s.Collector);
    }
}

internal sealed class DunningActionConfiguration : IEntityTypeConfiguration<DunningAction>
{
    public void Configure(EntityTypeBuilder<DunningAction> e)
    {
        e.ToTable("DunningActions");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).HasMaxLength(26);
        e.Property(a => a.CustomerId).HasMaxLength(26);
        e.Property(a => a.InvoiceId).HasMaxLength(26);
        e.Property(a => a.InvoiceNumber).HasMaxLength(32);
        e.Property(a => a.Step).HasMaxLength(64);
        e.Property(a => a.Template).HasMaxLength(64);
        e.Property(a => a.Currency).HasMaxLength(3);
        e.Property(a => a.MessageId).HasMaxLength(26);
        // Never the same step twice for an invoice, across runs, restarts and replicas.
        e.HasIndex(a => new { a.InvoiceId, a.Step }).IsUnique();
        e.HasIndex(a => new { a.CustomerId, a.Id });
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> e)
    {
        e.ToTable("OutgoingMail");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).HasMaxLength(26);
        e.Property(m => m.CustomerId).HasMaxLength(26);
        e.Property(m => m.DedupKey).HasMaxLength(120);
        e.HasIndex(m => m.DedupKey).IsUnique();
        e.Property(m => m.To).HasMaxLength(320);
        e.Property(m => m.Subject).HasMaxLength(300);
        e.Property(m => m.Body).HasMaxLength(int.MaxValue);
        e.Property(m => m.LastError).HasMaxLength(1000);
        e.Property(m => m.ReplyDraftId).HasMaxLength(26);
        e.Property(m => m.InReplyTo).HasMaxLength(400);
        e.Ignore(m => m.Delivery);
        // The mail worker reads what is still undelivered, oldest first.
        e.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> e)
    {
        e.ToTable("Activities");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).HasMaxLength(26);
        e.Property(a => a.CustomerId).HasMaxLength(26);
        e.Property(a => a.Text).HasMaxLength(4000);
        e.Property(a => a.Actor).HasMaxLength(100);
        e.HasIndex(a => new { a.CustomerId, a.Id });
    }
}

internal sealed class PromiseConfiguration : IEntityTypeConfiguration<PromiseToPay>
{
    public void Configure(EntityTypeBuilder<PromiseToPay> e)
    {
        e.ToTable("Promises");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).HasMaxLength(26);
        e.Property(p => p.CustomerId).HasMaxLength(26);
        e.Property(p => p.Currency).HasMaxLength(3);
        e.Property(p => p.Note).HasMaxLength(1000);
        e.Property(p => p.CreatedBy).HasMaxLength(100);
        e.Property(p => p.CancelledBy).HasMaxLength(100);
        e.Property(p => p.CancelReason).HasMaxLength(1000);
        e.HasIndex(p => new { p.CustomerId, p.Id });
        e.HasIndex(p => new { p.Status, p.PromisedDate });
    }
}

internal sealed class PaymentPlanConfiguration : IEntityTypeConfiguration<PaymentPlan>
{
    public void Configure(EntityTypeBuilder<PaymentPlan> e)
    {
        e.ToTable("PaymentPlans");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).HasMaxLength(26);
        e.Property(p => p.CustomerId).HasMaxLength(26);
        e.Property(p => p.Currency).HasMaxLength(3);
        e.Property(p => p.Note).HasMaxLength(1000);
        e.Property(p => p.CreatedBy).HasMaxLength(100);
        e.Ignore(p => p.Total);
        e.OwnsMany(p => p.Instalments, i => i.ToJson());
        e.HasIndex(p => new { p.CustomerId, p.Id });
        e.HasIndex(p => p.Status);
    }
}

internal sealed class WriteOffConfiguration : IEntityTypeConfiguration<WriteOff>
{
    public void Configure(EntityTypeBuilder<WriteOff> e)
    {
        e.ToTable("WriteOffs");
        e.HasKey(w => w.Id);
        e.Property(w => w.Id).HasMaxLength(26);
        e.Property(w => w.Number).HasMaxLength(32);
        e.HasIndex(w => w.Number).IsUnique();
        e.Property(w => w.InvoiceId).HasMaxLength(26);
        e.Property(w => w.CustomerId).HasMaxLength(26);
        e.Property(w => w.Currency).HasMaxLength(3);
        e.Property(w => w.Reason).HasMaxLength(500);
        e.Property(w => w.Evidence).HasMaxLength(4000);
        e.Property(w => w.RequestedBy).HasMaxLength(100);
        e.Property(w => w.DecidedBy).HasMaxLength(100);
        e.Property(w => w.DecisionNote).HasMaxLength(1000);
        e.Property(w => w.PostingId).HasMaxLength(26);
        e.Property(w => w.PostingError).HasMaxLength(1000);
        e.Property(w => w.Version).IsConcurrencyToken();
        // The posting worker reads approved requests not yet posted.
        e.HasIndex(w => new { w.Status, w.NextPostingAt });
        e.HasIndex(w => w.InvoiceId);
    }
}

internal sealed class AllowanceBookingConfiguration : IEntityTypeConfiguration<AllowanceBooking>
{
    public void Configure(EntityTypeBuilder<AllowanceBooking> e)
    {
        e.ToTable("AllowanceBookings");
        e.HasKey(b => b.Id);
        e.Property(b => b.Currency).HasMaxLength(3);
        e.Property(b => b.BookedBy).HasMaxLength(100);
        e.HasIndex(b => new { b.Currency, b.Id });
    }
}

internal sealed class ForecastSnapshotConfiguration : IEntityTypeConfiguration<ForecastSnapshot>
{
    public void Configure(EntityTypeBuilder<ForecastSnapshot> e)
    {
        e.ToTable("ForecastSnapshots");
        e.HasKey(s => new { s.WeekStart, s.Currency, s.MadeOn });
        e.Property(s => s.Currency).HasMaxLength(3);
    }
}

internal sealed class DunningRunRecordConfiguration : IEntityTypeConfiguration<DunningRunRecord>
{
    public void Configure(EntityTypeBuilder<DunningRunRecord> e)
    {
        e.ToTable("DunningRuns");
        e.HasKey(r => r.Id);
        e.Property(r => r.Actor).HasMaxLength(100);
        e.HasIndex(r => new { r.AsOf, r.Scheduled });
    }
}
