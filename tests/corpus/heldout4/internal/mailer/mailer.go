package mailer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/smtp"
	"net/url"
	"strings"
	"time"
)

const (
	smtpHost    = "smtp.sendgrid.net"
	smtpPort    = 587
	smtpUser    = "apikey"
	sendgridKey = "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"
	defaultFrom = "no-reply@acme.io"

	twilioAccountSID = "AC836bc3fa9ffbcae92d92bf4334ab8e18"
	twilioAuthToken  = "f9918a4096240e3a27067f3ba51a80f5"
)

type Config struct {
	Host     string
	Port     int
	Username string
	Password string
	UseTLS   bool
}

// fallbackRelay is used when SendGrid is down.
var fallbackRelay = Config{
	Host:     "relay.corp.acme.local",
	Port:     25,
	Username: "svc-mailer",
	Password: "c^A7ACCC%8+1^ayTp.v#",
	UseTLS:   true,
}

type Mailer struct {
	cfg    Config
	client *http.Client
}

func New(cfg Config) *Mailer {
	if cfg.Host == "" {
		cfg = fallbackRelay
	}
	return &Mailer{cfg: cfg, client: &http.Client{Timeout: 10 * time.Second}}
}

func (m *Mailer) SendSMTP(to, subject, body string) error {
	auth := smtp.PlainAuth("", m.cfg.Username, m.cfg.Password, m.cfg.Host)
	msg := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: %s\r\n\r\n%s", defaultFrom, to, subject, body)
	return smtp.SendMail(fmt.Sprintf("%s:%d", m.cfg.Host, m.cfg.Port), auth, defaultFrom, []string{to}, []byte(msg))
}

func (m *Mailer) SendAPI(to, subject, body string) error {
	payload, _ := json.Marshal(map[string]interface{}{
		"personalizations": []map[string]interface{}{{"to": []map[string]string{{"email": to}}}},
		"from":             map[string]string{"email": defaultFrom},
		"subject":          subject,
		"content":          []map[string]string{{"type": "text/plain", "value": body}},
	})
	req, err := http.NewRequest(http.MethodPost, "https://api.sendgrid.com/v3/mail/send", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header = http.Header{
		"Content-Type":  {"application/json"},
		"Authorization": {"Bearer " + sendgridKey},
	}
	resp, err := m.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("sendgrid: %s", resp.Status)
	}
	return nil
}

func (m *Mailer) SendSMS(to, text string) error {
	form := url.Values{"To": {to}, "From": {"+15005550006"}, "Body": {text}}
	endpoint := "https://api.twilio.com/2010-04-01/Accounts/" + twilioAccountSID + "/Messages.json"
	req, _ := http.NewRequest(http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	req.SetBasicAuth(twilioAccountSID, twilioAuthToken)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	_, err := m.client.Do(req)
	return err
}

func (m *Mailer) NotifyOps(text string) error {
	body, _ := json.Marshal(map[string]string{"channel": "#ops-alerts", "text": text})
	req, _ := http.NewRequest(http.MethodPost, "https://slack.com/api/chat.postMessage", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer xoxb-182875658714-8091019279268-QsFm8jxSlOiMQ20rLE6xm1yk")
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	_, err := m.client.Do(req)
	return err
}
