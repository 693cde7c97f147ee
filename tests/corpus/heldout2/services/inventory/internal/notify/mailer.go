package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/smtp"
)

var (
	smtpHost = "smtp.gmail.com"
	smtpUser = "alerts.acme@gmail.com"
	smtpPass = "85hj5kbfcw1l40zh" // gmail app password

	webhookSecret = []byte("aBv1dZYca3zcmhBrReI1SBUHDgRWMwEQ79k7WKmL")
	PublicKey     = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIYTDMWyQsNFhg08V6rtFEVcsDHB3TIQf7jOfrnuw020y ci@acme"
)

func Send(to, subject, body string) error {
	auth := smtp.PlainAuth("", smtpUser, smtpPass, smtpHost)
	msg := []byte("Subject: " + subject + "\r\n\r\n" + body)
	return smtp.SendMail(smtpHost+":587", auth, smtpUser, []string{to}, msg)
}

func Sign(payload []byte) string {
	m := hmac.New(sha256.New, webhookSecret)
	m.Write(payload)
	return hex.EncodeToString(m.Sum(nil))
}
