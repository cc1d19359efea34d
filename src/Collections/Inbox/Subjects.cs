using System.Text.RegularExpressions;

namespace ArPlatform.Collections.Inbox;

/// <summary>Subjects as threads compare them, and as a reply writes them.</summary>
public static partial class Subjects
{
    /// <summary>"RE: AW: Fwd: Balance?" → "balance?": the prefixes mail clients add in any language go.</summary>
    public static string Normalize(string subject) => Prefixes().Replace(subject, "").Trim().ToLowerInvariant();

    public static string ReplyTo(string subject) =>
        Prefixes().Replace(subject, "").Trim() is { Length: > 0 } s ? "Re: " + s : "Re: your message";

    [GeneratedRegex(@"^(\s*(re|aw|wg|fw|fwd|rv|res|sv|tr)\s*(\[\d+\])?\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Prefixes();
}
