using ArPlatform.Collections.Agent;
using ArPlatform.Collections.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArPlatform.Collections.Data;

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessageRecord>
{
    public void Configure(EntityTypeBuilder<InboundMessageRecord> e)
    {
        e.ToTable("InboundMessages");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).HasMaxLength(26);
        e.Property(m => m.MessageId).HasMaxLength(400);
        // The same mail (by Message-ID) is taken once, across the API, the SMTP intake and replicas.
        e.HasIndex(m => m.MessageId).IsUnique();
        e.Property(m => m.ThreadId).HasMaxLength(100);
        e.Property(m => m.CustomerId).HasMaxLength(26);
        e.Property(m => m.From).HasMaxLength(320);
        e.Property(m => m.NormalizedSubject).HasMaxLength(300);
        e.Property(m => m.EscalationReasons).HasMaxLength(400);
        e.Property(m => m.DraftId).HasMaxLength(26);
        e.HasIndex(m => new { m.CustomerId, m.Id });
        // Threads by subject: the sender's earlier mail with the same subject.
        e.HasIndex(m => new { m.From, m.NormalizedSubject });
        e.HasIndex(m => m.ReceivedAt);
    }
}

internal sealed class ReplyDraftConfiguration : IEntityTypeConfiguration<ReplyDraftRecord>
{
    public void Configure(EntityTypeBuilder<ReplyDraftRecord> e)
    {
        e.ToTable("ReplyDrafts");
        e.HasKey(d => d.Id);
        e.Property(d => d.Id).HasMaxLength(26);
        e.Property(d => d.MessageId).HasMaxLength(26);
        e.Property(d => d.CustomerId).HasMaxLength(26);
        e.Property(d => d.To).HasMaxLength(320);
        e.Property(d => d.Subject).HasMaxLength(300);
        e.Property(d => d.Body).HasMaxLength(int.MaxValue);
        e.Property(d => d.DecidedBy).HasMaxLength(100);
        e.Property(d => d.RejectReason).HasMaxLength(1000);
        e.Property(d => d.MailId).HasMaxLength(26);
        e.HasIndex(d => new { d.Status, d.Id });
        e.HasIndex(d => new { d.CustomerId, d.Id });
    }
}

internal sealed class ReplyAttachmentConfiguration : IEntityTypeConfiguration<ReplyAttachment>
{
    public void Configure(EntityTypeBuilder<ReplyAttachment> e)
    {
        e.ToTable("ReplyAttachments");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).HasMaxLength(26);
        e.Property(a => a.DraftId).HasMaxLength(26);
        e.Property(a => a.FileName).HasMaxLength(200);
        e.Property(a => a.ContentType).HasMaxLength(100);
        e.HasIndex(a => a.DraftId);
    }
}
