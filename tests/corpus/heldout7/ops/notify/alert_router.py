#!/usr/bin/env python3
"""alert_router.py - forwards Alertmanager webhooks to PagerDuty, Discord (ops community) and Telegram (on-call).

Deployed as a tiny Flask app on ops-util01 (systemd unit alert-router.service).
"""
import logging
import os

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("alert_router")

PAGERDUTY_ROUTING_KEY = "e30fb617466369f9522d25ef0adf2103"
DISCORD_WEBHOOK = "https://discord.com/api/webhooks/8949742088838318698/9aXRLYxBz__L9m8lgKHSSMN3jo3O26Th0GGv-4EitsSZJQ6d5BxnUJnONEqIepADmbHP"
TELEGRAM_BOT_TOKEN = os.environ.get("TELEGRAM_BOT_TOKEN") or "5546779524:AANj9VIoLF12kcd_2MztcUPGJH-yebHe-B5"
TELEGRAM_CHAT_ID = "-1007637787793"


def to_pagerduty(alert):
    payload = {
        "routing_key": PAGERDUTY_ROUTING_KEY,
        "event_action": "trigger" if alert["status"] == "firing" else "resolve",
        "dedup_key": alert["fingerprint"],
        "payload": {
            "summary": alert["annotations"].get("summary", alert["labels"]["alertname"]),
            "source": alert["labels"].get("instance", "unknown"),
            "severity": alert["labels"].get("severity", "warning"),
        },
    }
    requests.post("https://events.eu.pagerduty.com/v2/enqueue", json=payload, timeout=10).raise_for_status()


def to_discord(alert):
    requests.post(DISCORD_WEBHOOK, json={"content": f"[{alert['status'].upper()}] {alert['labels']['alertname']}"}, timeout=10)


def to_telegram(alert):
    url = f"https://api.telegram.org/bot{TELEGRAM_BOT_TOKEN}/sendMessage"
    requests.post(url, data={"chat_id": TELEGRAM_CHAT_ID, "text": alert["annotations"].get("summary", "")}, timeout=10)


@app.post("/alertmanager")
def alertmanager():
    body = request.get_json(force=True)
    for alert in body.get("alerts", []):
        sev = alert["labels"].get("severity")
        if sev == "critical":
            to_pagerduty(alert)
            to_telegram(alert)
        to_discord(alert)
    return jsonify(ok=True)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=9095)
