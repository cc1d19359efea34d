using System.Text.RegularExpressions;

namespace ArPlatform.Collections.Inbox;

/// <summary>
/// The part of a reply its sender wrote now: everything from the first quote header ("On … wrote:",
/// "-----Original Message-----", Outlook's "From: … Sent:", German and Spanish forms) or run of
/// "&gt;" lines on is the old thread, and a signature ("-- ", "Best regards," and the like
/// followed by a short block) is not a request. Reading the old thread would answer last
/// month's question again.
/// </summary>
public static partial class ReplyStripper
{
    /// <summary>A signature block is at most this many lines after its sign-off.</summary>
    private const int SignatureLines = 8;

    public static string NewText(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var end = lines.Length;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (QuoteHeader().IsMatch(line) || line.StartsWith('>') || IsOutlookHeader(lines, i))
            {
                end = i;
                break;
            }
        }
        var kept = lines[..end];
        var signature = Array.FindIndex(kept, l => l.TrimEnd() == "--" || l == "-- " || SignOff().IsMatch(l.Trim()));
        if (signature > 0 && kept.Length - signature <= SignatureLines + 1) kept = kept[..signature];
        return string.Join("\n", kept).Trim();
    }

    /// <summary>"From: x" followed within two lines by "Sent:"/"Date:"/"Gesendet:"/"Enviado:": Outlook's quote header.</summary>
    private static bool IsOutlookHeader(string[] lines, int i)
    {
        if (!FromLine().IsMatch(lines[i].Trim())) return false;
        for (var j = i + 1; j < Math.Min(lines.Length, i + 3); j++)
            if (SentLine().IsMatch(lines[j].Trim())) return true;
        return false;
    }

    [GeneratedRegex(@"^(On .{4,200} wrote:|Am .{4,200} schrieb .{0,200}:|El .{4,200} escribió:|-{2,}\s*(Original Message|Ursprüngliche Nachricht|Mensaje original)\s*-{2,}|_{10,})$", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteHeader();

    [GeneratedRegex(@"^(From|Von|De):\s", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^(Sent|Date|Gesendet|Datum|Enviado|Fecha|To|An|Para):\s", RegexOptions.IgnoreCase)]
    private static partial Regex SentLine();

    [GeneratedRegex(@"^(best( regards)?|kind regards|regards|thanks( and regards)?|thank you|cheers|sincerely|mit freundlichen grüßen|viele grüße|beste grüße|saludos( cordiales)?|atentamente|un saludo|sent from my \w+)[,.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();
}
