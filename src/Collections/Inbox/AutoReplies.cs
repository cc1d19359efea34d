using System.Text.RegularExpressions;

namespace ArPlatform.Collections.Inbox;

/// <summary>
/// Mail no person wrote: out-of-office notes, bounces and helpdesk ticket acknowledgements.
/// Answering them would start a mail loop, so they are recognised by their headers (see
/// <see cref="MailParser"/>) or by the subjects and openings mail systems use, in English,
/// German and Spanish, before any model reads them.
/// </summary>
public static partial class AutoReplies
{
    public static bool IsAutoReply(ReadMail mail) =>
        mail.AutoSubmitted || Subject().IsMatch(mail.Subject) || Opening().IsMatch(mail.Text.Length > 400 ? mail.Text[..400] : mail.Text)
        || mail.From.StartsWith("mailer-daemon@", StringComparison.Ordinal) || mail.From.StartsWith("postmaster@", StringComparison.Ordinal);

    [GeneratedRegex(@"^(automatic reply|auto(matic)?[- ]?reply|autoreply|out of (the )?office|abwesenheitsnotiz|automatische antwort|respuesta automática|fuera de la oficina|undeliverable|undelivered mail|delivery status notification|mail delivery (failed|subsystem)|returned mail|unzustellbar|no se puede entregar)|\[(ticket|case|request|ticket-id)\s*[#:]?\s*\w+\]|(ticket|case|request) #?\d+ (has been )?(received|created|opened)", RegexOptions.IgnoreCase)]
    private static partial Regex Subject();

    [GeneratedRegex(@"\b(I am|I'm) (currently )?(out of (the )?office|on (annual )?leave|away)|\bich bin (derzeit |bis .{1,30} )?(nicht im büro|abwesend|im urlaub)|\bestoy (fuera de la oficina|de vacaciones|ausente)|\bthis is an automated (message|response|reply)|\bdo not reply to this (e-?mail|message)|\byour (request|ticket|message) has been (received|logged)|\bdelivery to the following recipients? failed|\bcould not be delivered", RegexOptions.IgnoreCase)]
    private static partial Regex Opening();
}
