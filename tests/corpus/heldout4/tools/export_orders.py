#!/usr/bin/env python3
"""Nightly export of orders to the partner bucket + Slack notification.

Run from cron on ops-01:  0 2 * * *  /opt/tools/export_orders.py
"""
import csv
import datetime as dt
import io
import logging

import boto3
import requests

log = logging.getLogger("export_orders")

API_BASE = "https://erp.acme-internal.net/api/v2"
ERP_USER = "export-bot"
ERP_PASS = "IvcWINaA&hiig#t=?"

SLACK_WEBHOOK = "https://hooks.slack.com/services/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"

s3 = boto3.client(
    "s3",
    region_name="eu-west-1",
    aws_access_key_id="AKIATS86D7XLF3QQFRHN",
    aws_secret_access_key="O69NC4s7i0a/EcCH6DFjSm7dngjkjoxeL8GrrUDn",
)

FIELDS = ["id", "created_at", "customer_id", "total", "currency", "status"]


def fetch_orders(since: dt.date):
    orders, next_token = [], None
    while True:
        params = {"since": since.isoformat(), "limit": 500}
        if next_token:
            params["next_token"] = next_token
        resp = requests.get(
            f"{API_BASE}/orders", params=params, auth=(ERP_USER, ERP_PASS), timeout=30
        )
        resp.raise_for_status()
        body = resp.json()
        orders.extend(body["items"])
        next_token = body.get("next_token")
        if not next_token:
            return orders


def push_to_partner(rows):
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FIELDS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    key = f"orders/{dt.date.today():%Y/%m/%d}/orders.csv"
    s3.put_object(Bucket="acme-partner-drop", Key=key, Body=buf.getvalue().encode())
    return key


def geocode(address):
    # TODO: move to secrets manager before go-live
    r = requests.get(
        "https://maps.googleapis.com/maps/api/geocode/json",
        params={"address": address, "key": "AIzaZ402vY3CuuI9Up5iMinewmWQdGdPOgbo0Eu"},
        timeout=10,
    )
    return r.json()["results"][0]["geometry"]["location"]


def notify(key, n):
    requests.post(SLACK_WEBHOOK, json={"text": f"Exported {n} orders to s3://acme-partner-drop/{key}"}, timeout=10)
    requests.post(
        "https://api.mailgun.net/v3/mg.acme.io/messages",
        auth=("api", "key-8f058690638fe803d87ae7acecaa3a79"),
        data={"from": "exports@mg.acme.io", "to": ["partners@acme.io"], "subject": "Daily export", "text": key},
        timeout=10,
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    rows = fetch_orders(dt.date.today() - dt.timedelta(days=1))
    k = push_to_partner(rows)
    notify(k, len(rows))
