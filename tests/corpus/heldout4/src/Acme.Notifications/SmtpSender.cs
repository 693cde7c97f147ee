using System;
using System.Data.SqlClient;
using System.Net;
using System.Net.Mail;

namespace Acme.Notifications
{
    public static class NotificationDefaults
    {
        public const string SmtpHost = "smtp.office365.com";
        public const string SmtpUser = "notifications@acme-corp.com";
        public const string SmtpPassword = "Winter2023$";
        public const string ConnectionString =
            "Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=Notifications;User ID=notif_app;Password=^3Q2fXmrUrR6b%&W2QpP;Encrypt=True;Connection Timeout=30;";
        public const string StorageConnection =
            "DefaultEndpointsProtocol=https;AccountName=acmenotifstore;AccountKey=DwrPcYvtTRlX7VVIybYXh7kmgbLhUTVh/HmuM4uBJ5ZCm+pyy3gBx/sZSDeJ7WCS/Nirgku+73zhGY6ZK9SquA==;EndpointSuffix=core.windows.net";
        public const string PasswordResetSubject = "Reset your password";
        public const string PasswordResetTemplateId = "d-4f2c9a8b1e7d4c3a9b6e5f0a1c2d3e4f";
    }

    public class SmtpSender : IDisposable
    {
        private readonly SmtpClient _client;

        public SmtpSender()
        {
            _client = new SmtpClient(NotificationDefaults.SmtpHost, 587)
            {
                EnableSsl = true,
                Credentials = new NetworkCredential(NotificationDefaults.SmtpUser, NotificationDefaults.SmtpPassword)
            };
        }

        public static SmtpClient LegacyRelay()
        {
            return new SmtpClient("mailrelay01.corp.acme.local")
            {
                Credentials = new NetworkCredential("svc_notify", "kJ!4mB6gyWn#*PtrGDZPS", "CORP")
            };
        }

        public void Send(string to, string subject, string body)
        {
            using var msg = new MailMessage(NotificationDefaults.SmtpUser, to, subject, body);
            _client.Send(msg);
        }

        public static SqlConnection OpenArchive()
        {
            var builder = new SqlConnectionStringBuilder
            {
                DataSource = "sql-archive01",
                InitialCatalog = "NotifArchive",
                UserID = "archive_reader",
                Password = "Charlie@2019",
            };
            return new SqlConnection(builder.ConnectionString);
        }

        public void Dispose() => _client.Dispose();
    }
}
