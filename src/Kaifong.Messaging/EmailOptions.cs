namespace Kaifong.Messaging;

/// <summary>
/// Configuration section <c>Email</c>. With no <c>Email:Smtp:Host</c>, mail is written as .eml files into
/// <see cref="PickupDirectory"/> (relative to the content root) instead of being sent.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "noreply@kaifong.local";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "Kaifong 街坊";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where .eml files go when no SMTP host is configured; relative paths are taken from the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail-pickup";
}

/// <summary><c>Email:Smtp</c>: the relay to send through.</summary>
public sealed class SmtpOptions
{
    /// <summary>Empty means "do not send; write to the pickup directory".</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}

public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS (required; port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No encryption: only for a relay on the same machine or in tests.</summary>
    None,
}

/// <summary>Configuration section <c>Outbox</c>: how the dispatcher polls.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Seconds between polls when nobody calls <see cref="OutboxSignal.Notify"/>.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>How many due messages one batch claims at most.</summary>
    public int BatchSize { get; set; } = 20;
}
