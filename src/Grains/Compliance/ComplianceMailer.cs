using ComplianceGrains.Domain;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace ComplianceGrains.Compliance;

/// <summary>
/// Sends notification e-mails through MailKit to <c>Smtp:Host</c>/<c>Smtp:Port</c> from <c>Smtp:From</c> (optional
/// <c>Smtp:User</c>, <c>Smtp:Password</c>, <c>Smtp:UseTls</c>). Without <c>Smtp:Host</c> e-mail is off, which the log
/// says once.
/// </summary>
public sealed class ComplianceMailer(IConfiguration configuration, ILogger<ComplianceMailer> logger)
{
    private int _offLogged;

    private string? Host => configuration["Smtp:Host"] is { Length: > 0 } host ? host : null;

    public bool IsOn => Host is not null;

    /// <summary>The link to an offering user's checklist page, from <c>Api:PublicBaseUrl</c>.</summary>
    public string ChecklistLink(Guid offeringUserId) =>
        ComplianceMessages.ChecklistLink(configuration["Api:PublicBaseUrl"] ?? "http://127.0.0.1:8080", offeringUserId);

    /// <summary>Sends the message; false when e-mail is off or the server refused it (logged).</summary>
    public async Task<bool> SendAsync(ComplianceMessage message)
    {
        if (Host is not { } host)
        {
            if (Interlocked.Exchange(ref _offLogged, 1) == 0)
                logger.LogInformation("E-mail is off: no Smtp:Host is configured");
            return false;
        }
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(MailboxAddress.Parse(configuration["Smtp:From"] ?? "compliance@localhost"));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        try
        {
            using var client = new SmtpClient();
            var useTls = bool.TryParse(configuration["Smtp:UseTls"], out var tls) && tls;
            var port = int.TryParse(configuration["Smtp:Port"], out var p) ? p : 25;
            await client.ConnectAsync(host, port, useTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None);
            if (configuration["Smtp:User"] is { Length: > 0 } user) await client.AuthenticateAsync(user, configuration["Smtp:Password"] ?? "");
            await client.SendAsync(mime);
            await client.DisconnectAsync(quit: true);
            return true;
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException)
        {
            logger.LogWarning(e, "Sending the e-mail \"{Subject}\" failed", message.Subject);
            return false;
        }
    }
}
