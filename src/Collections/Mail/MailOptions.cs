namespace ArPlatform.Collections.Mail;

/// <summary>Configuration section <c>Collections:Mail</c>: the SMTP server, the sender and the letters' wording.</summary>
public sealed class MailOptions
{
    public string SmtpHost { get; init; } = "localhost";
    public int SmtpPort { get; init; } = 25;
    /// <summary>STARTTLS when the server offers it; off for a loopback relay.</summary>
    public bool UseStartTls { get; init; }
    public string UserName { get; init; } = "";
    public string Password { get; init; } = "";
    public string From { get; init; } = "Accounts Receivable <ar@arplatform.example>";
    /// <summary>Where customers open their statement: the gateway's public address.</summary>
    public string StatementLinkBase { get; init; } = "http://localhost:8080";
    /// <summary>How often the mail worker sends what is pending; 0 turns it off.</summary>
    public int PollSeconds { get; init; } = 10;
    public int MaxBackoffSeconds { get; init; } = 600;
    /// <summary>Attempts before a message is marked failed (and shown as such on its actions).</summary>
    public int MaxAttempts { get; init; } = 10;
    /// <summary>Day of the month monthly statements go out, unless a customer has their own.</summary>
    public int StatementDayOfMonth { get; init; } = 1;
    /// <summary>Subject and opening paragraph by template name.</summary>
    public Dictionary<string, MailTemplate> Templates { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class MailTemplate
{
    public string Subject { get; init; } = "";
    public string Opening { get; init; } = "";
}
