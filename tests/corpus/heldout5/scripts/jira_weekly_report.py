"""Weekly report: resolved Jira issues per team, posted to New Relic as custom events."""
import base64
import datetime as dt

import requests

JIRA_SITE = "https://acme-corp.atlassian.net"
JIRA_USER = "reports-bot@acme-corp.io"
JIRA_TOKEN = "ATATT3xFfGF0e7wpq5Rg2vli0NWE0FCVQQcYWkZKgR2rM3kWtzlwnrxciJHrTxIdkHsxM05HtEpebn6cuhOxCot5NEpYy0p_-gHQsPKYQ5oDgTvlQhd05rucdC8LZqdSK2VRW7G3ViPGTEfna4wNFlgJ7I54hDlo9lWnnqkl5IgXeXSb3-8Z_a=35DE482F"
CLOUD_ID = "6c729e21-bb76-4afe-bd3c-e55b6bca2e60"

NEW_RELIC_ACCOUNT = 3910442
NEW_RELIC_USER_KEY = "NRAK-P3IDLNKHW6IOPAWMY5TNP7OXNSE"


def jira_headers() -> dict:
    raw = f"{JIRA_USER}:{JIRA_TOKEN}".encode()
    return {"Authorization": "Basic " + base64.b64encode(raw).decode(), "Accept": "application/json"}


def resolved_last_week() -> list:
    since = (dt.date.today() - dt.timedelta(days=7)).isoformat()
    jql = f'resolved >= "{since}" ORDER BY project'
    r = requests.get(f"{JIRA_SITE}/rest/api/3/search", params={"jql": jql, "maxResults": 500}, headers=jira_headers(), timeout=30)
    r.raise_for_status()
    return r.json()["issues"]


def push(events: list) -> None:
    requests.post(
        "https://api.eu.newrelic.com/graphql",
        headers={"API-Key": NEW_RELIC_USER_KEY},
        json={"query": "mutation { noop }", "variables": {"events": events, "account": NEW_RELIC_ACCOUNT}},
        timeout=30,
    ).raise_for_status()


if __name__ == "__main__":
    issues = resolved_last_week()
    push([{"eventType": "JiraResolved", "key": i["key"]} for i in issues])
