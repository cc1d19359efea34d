using System.Text;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;

namespace ArPlatform.Disputes.Evidence;

/// <summary>Configuration section <c>Disputes:Evidence</c>.</summary>
public sealed class EvidenceOptions
{
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;
}

/// <summary>
/// What a case may hold as evidence: documents of a known type whose bytes are what the type
/// says (a "PDF" must start like one), within the size limit, and no card number anywhere in
/// them. Pure: the reasons are the caller's field violations.
/// </summary>
public static class EvidencePolicy
{
    private static readonly Dictionary<string, byte[]?> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "%PDF-"u8.ToArray(),
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
        ["text/plain"] = null,
        ["text/csv"] = null,
        ["message/rfc822"] = null,
    };

    public static IReadOnlyCollection<string> ContentTypes => Signatures.Keys;

    /// <summary>Why the document is refused (on evidence.content_type or evidence.content), or null when it is acceptable.</summary>
    public static FieldViolation? Refuse(string contentType, ReadOnlySpan<byte> content, long maxBytes)
    {
        if (!Signatures.TryGetValue(contentType, out var signature))
            return new FieldViolation("evidence.content_type",
                $"'{contentType}' is not accepted; use one of {string.Join(", ", Signatures.Keys)}");
        return RefuseContent(contentType, signature, content, maxBytes) is { } reason
            ? new FieldViolation("evidence.content", reason)
            : null;
    }

    private static string? RefuseContent(string contentType, byte[]? signature, ReadOnlySpan<byte> content, long maxBytes)
    {
        if (content.IsEmpty) return "the document is empty";
        if (content.Length > maxBytes) return $"the document is {content.Length} bytes; at most {maxBytes} are accepted";
        if (signature is not null && !content.StartsWith(signature))
            return $"the content is not a {contentType} document";
        if (signature is null && !IsUtf8(content))
            return $"a {contentType} document must be UTF-8 text";
        // Text inside PDFs and e-mails is mostly plain ASCII: read every byte as a character so
        // that a card number anywhere in the file is seen.
        if (CardNumbers.ContainsCardNumber(Encoding.Latin1.GetString(content)))
            return "the document contains a card number; remove it (or mask all but the last four digits) and attach it again";
        return null;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> content)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
