import hmac
import hashlib
import time
import os
import requests
from flask import Flask, request, abort

app = Flask(__name__)

SLACK_BOT_TOKEN = "xoxb-247278070951-4013924155210-7tZY71juOsgHMAuAw4H8FmCU"
SLACK_SIGNING_SECRET = "f2f786bf90dd5b631fec8b75a97ba2d7"
OPENWEATHER_KEY = "34c4178bddc48b58afc5144374960fbb"
TWILIO_SID = "ACc7b4a6dad9dcd8736ceda1d68e9326b5"
TWILIO_AUTH_TOKEN = "9374fbf99178cdc535d38f55bcaf7ae4"
SENDGRID_KEY = os.environ.get("SENDGRID_API_KEY", "")
GITHUB_TOKEN = os.getenv("GITHUB_TOKEN") or "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"


def verify(req):
    ts = req.headers.get("X-Slack-Request-Timestamp", "0")
    if abs(time.time() - int(ts)) > 300:
        return False
    base = f"v0:{ts}:{req.get_data(as_text=True)}".encode()
    digest = "v0=" + hmac.new(SLACK_SIGNING_SECRET.encode(), base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(digest, req.headers.get("X-Slack-Signature", ""))


@app.route("/slack/events", methods=["POST"])
def events():
    if not verify(request):
        abort(403)
    return "", 200


def weather(city):
    r = requests.get("https://api.openweathermap.org/data/2.5/weather",
                     params={"q": city, "appid": OPENWEATHER_KEY, "units": "metric"})
    return r.json()


def sms(to, body):
    requests.post(f"https://api.twilio.com/2010-04-01/Accounts/{TWILIO_SID}/Messages.json",
                  auth=(TWILIO_SID, TWILIO_AUTH_TOKEN), data={"To": to, "From": "+15005550006", "Body": body})


def jira_issue(key):
    return requests.get(f"https://acme.atlassian.net/rest/api/2/issue/{key}",
                        auth=("svc-jira@acme.io", "L1D71mIyxv8l14ILGv3wZrnZ")).json()


if __name__ == "__main__":
    print("starting with token", SLACK_BOT_TOKEN[:8] + "****")
    app.run(port=3000)
