using ArPlatform.Disputes.BillingSync;
using ArPlatform.Disputes.Cases;
using ArPlatform.Disputes.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArPlatform.Disputes.Data;

internal sealed class DisputeCaseConfiguration : IEntityTypeConfiguration<DisputeCase>
{
    public void Configure(EntityTypeBuilder<DisputeCase> e)
    {
        e.ToTable("Disputes");
        e.HasKey(d => d.Id);
        e.Property(d => d.Id).HasMaxLength(26);
        e.Property(d => d.Number).HasMaxLength(32);
        e.HasIndex(d => d.Number).IsUnique();
        e.Property(d => d.CustomerId).HasMaxLength(26);
        e.Property(d => d.Currency).HasMaxLength(3);
        e.Property(d => d.Description).HasMaxLength(2000);
        e.Property(d => d.Owner).HasMaxLength(100);
        e.Property(d => d.OpenedBy).HasMaxLength(100);
        e.Property(d => d.PaymentReference).HasMaxLength(100);
        e.Property(d => d.RemittanceReference).HasMaxLength(100);
        e.Property(d => d.ResolutionNote).HasMaxLength(2000);
        e.Property(d => d.Version).IsConcurrencyToken();
        // Worklists filter by status, customer, owner or reason and page by id; overdue scans by due date.
        e.HasIndex(d => new { d.Status, d.Id });
        e.HasIndex(d => new { d.CustomerId, d.Id });
        e.HasIndex(d => new { d.Owner, d.Id });
        e.HasIndex(d => new { d.Reason, d.Id });
        e.HasIndex(d => new { d.Status, d.SlaDueDate });
        e.OwnsMany(d => d.Items, item =>
        {
            item.ToTable("DisputeItems");
            item.WithOwner().HasForeignKey("DisputeId");
            item.HasKey("DisputeId", nameof(DisputeItem.ItemNumber));
            // Numbered by the case, not the database: a new row is an insert, not an update.
            item.Property(i => i.ItemNumber).ValueGeneratedNever();
            item.Property(i => i.InvoiceId).HasMaxLength(26);
            item.Property(i => i.InvoiceNumber).HasMaxLength(32);
            item.Property(i => i.ProductCode).HasMaxLength(64);
            item.Property(i => i.CreditMemoId).HasMaxLength(26);
            item.Property(i => i.CreditMemoNumber).HasMaxLength(32);
            item.HasIndex(i => i.InvoiceId);
        });
        e.OwnsMany(d => d.Notes, note =>
        {
            note.ToTable("DisputeNotes");
            note.WithOwner().HasForeignKey("DisputeId");
            note.HasKey("DisputeId", nameof(DisputeNote.NoteNumber));
            note.Property(n => n.NoteNumber).ValueGeneratedNever();
            note.Property(n => n.Author).HasMaxLength(100);
            note.Property(n => n.Text).HasMaxLength(4000);
        });
        e.OwnsMany(d => d.History, transition =>
        {
            transition.ToTable("DisputeTransitions");
            transition.WithOwner().HasForeignKey("DisputeId");
            transition.HasKey("DisputeId", nameof(DisputeTransition.TransitionNumber));
            transition.Property(t => t.TransitionNumber).ValueGeneratedNever();
            transition.Property(t => t.Actor).HasMaxLength(100);
            transition.Property(t => t.Reason).HasMaxLength(2000);
        });
        e.Navigation(d => d.Items).AutoInclude();
        e.Navigation(d => d.Notes).AutoInclude();
        e.Navigation(d => d.History).AutoInclude();
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> e)
    {
        e.ToTable("Evidence");
        e.HasKey(f => f.Id);
        e.Property(f => f.Id).HasMaxLength(26);
        e.Property(f => f.DisputeId).HasMaxLength(26);
        e.Property(f => f.FileName).HasMaxLength(255);
        e.Property(f => f.ContentType).HasMaxLength(100);
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.Property(f => f.UploadedBy).HasMaxLength(100);
        e.HasIndex(f => new { f.DisputeId, f.Id });
        e.HasOne<DisputeCase>().WithMany().HasForeignKey(f => f.DisputeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> e)
    {
        // Apart from the metadata, so that listing a case's evidence never reads the files.
        e.ToTable("EvidenceContents");
        e.HasKey(c => c.EvidenceId);
        e.Property(c => c.EvidenceId).HasMaxLength(26);
        e.HasOne<EvidenceFile>().WithOne().HasForeignKey<EvidenceContent>(c => c.EvidenceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("BillingOutbox");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedOnAdd();
        e.Property(m => m.DisputeId).HasMaxLength(26);
        e.Property(m => m.Actor).HasMaxLength(100);
        e.Property(m => m.CorrelationId).HasMaxLength(100);
        e.Property(m => m.LastError).HasMaxLength(1000);
        // The worker reads what is undelivered in id order; a case's sync state reads by case.
        e.HasIndex(m => new { m.DeliveredAt, m.FailedAt, m.Id });
        e.HasIndex(m => m.DisputeId);
    }
}
