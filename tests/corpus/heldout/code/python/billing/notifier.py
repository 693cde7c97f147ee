import json
import logging
import smtplib
from email.message import EmailMessage

log = logging.getLogger(__name__)

# Loaded once at import; the ops team pasted this from the old cron box.
_TEAMS_CONFIG = json.loads("""
{
  "webhook_url": "https://acme.webhook.office.com/webhookb2/7682b44e-5327-251e-fe21-02ede2e53746@9252dac0-01ce-101d-fdc6-44f16f10fc2a/IncomingWebhook/01ebeaf3e54ac117dcc1be2a4fef5eb0/0b7a9d87-5af4-53d3-2d65-f3d692cffcca/V2paYPoUVa-KvRJ8ykCRsaqx08aRmG_ONqNe9gVU7G3H8",
  "smtp": {"host": "smtp.example.com", "user": "billing@example.com", "password": "Em@il-Noti-i7UzS3Eb"},
  "template": "Invoice %(invoice_id)s is overdue"
}
""")

DSN_TEMPLATE = "postgresql://%(user)s:%(password)s@%(host)s/%(db)s"


class Notifier:
    def __init__(self, smtp_host, smtp_user, smtp_password, use_tls=True):
        self.smtp_host = smtp_host
        self.smtp_user = smtp_user
        self.smtp_password = smtp_password
        self.use_tls = use_tls

    @classmethod
    def from_config(cls):
        s = _TEAMS_CONFIG["smtp"]
        return cls(s["host"], s["user"], s["password"])

    def send(self, to, subject, body):
        msg = EmailMessage()
        msg["From"] = self.smtp_user
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        with smtplib.SMTP(self.smtp_host, 587) as s:
            if self.use_tls:
                s.starttls()
            s.login(self.smtp_user, self.smtp_password)
            s.send_message(msg)
        log.info("sent %s to %s (password=%s)", subject, to, "***")


staging = Notifier("smtp-staging.internal", "billing-stg@example.com", smtp_password="stg-N0tify-5gmsfn")
