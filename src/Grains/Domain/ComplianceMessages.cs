using System.Net;

namespace ComplianceGrains.Domain;

/// <summary>A notification e-mail's content: a plain-text and an HTML body with the same text and link.</summary>
public sealed record ComplianceMessage(string To, string Subject, string Text, string Html);

/// <summary>The e-mails of BEHAVIOUR.md §12, each with a link to the page where it is dealt with.</summary>
public static class ComplianceMessages
{
    public static string ChecklistLink(string publicBaseUrl, Guid offeringUserId) =>
        $"{publicBaseUrl.TrimEnd('/')}/compliance/{offeringUserId:N}/";

    public static ComplianceMessage Reminder(string to, string offeringName, DateTime? dueDate, string link) => Build(
        to, $"Reminder: complete the compliance checklist of {offeringName}",
        dueDate is { } due
            ? $"Please complete the compliance checklist of {offeringName}; it is due on {due:yyyy-MM-dd HH:mm} UTC."
            : $"Please complete the compliance checklist of {offeringName}.",
        link);

    public static ComplianceMessage Overdue(string to, string offeringName, string link) => Build(
        to, $"Overdue: the compliance checklist of {offeringName}",
        $"The compliance checklist of {offeringName} is overdue. Please complete it now.", link);

    public static ComplianceMessage Expired(string to, string offeringName, string link) => Build(
        to, $"Please confirm your answers for {offeringName} again",
        $"Your attestation of the compliance checklist of {offeringName} has expired. Please review and confirm your answers.", link);

    public static ComplianceMessage ReviewRequired(string to, string offeringName, string userName, string link) => Build(
        to, $"Review required: {userName} on {offeringName}",
        $"The compliance answers of {userName} on {offeringName} require a review.", link);

    private static ComplianceMessage Build(string to, string subject, string sentence, string link) => new(
        to, subject,
        $"{sentence}\n\n{link}\n",
        $"<p>{WebUtility.HtmlEncode(sentence)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>");
}
