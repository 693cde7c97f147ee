"""
Nightly export of anonymised, aggregated energy-usage data to our utility partner.

Owner: data-platform (#data-eng)
"""
from __future__ import annotations

import csv
import io
import logging
from datetime import datetime, timedelta

import paramiko
import requests
from airflow import DAG
from airflow.models import Variable
from airflow.operators.python import PythonOperator
from airflow.providers.postgres.hooks.postgres import PostgresHook

log = logging.getLogger(__name__)

PARTNER_SFTP_HOST = "sftp.partner-energy.nl"
PARTNER_SFTP_USER = "corvane_export"
# TODO(DATA-233): move to an Airflow connection; partner already rotated this once
PARTNER_SFTP_PASSWORD = "T~FryhKCth9ZUF=@cV!3"
PARTNER_API = "https://api.partner-energy.nl/v1/ingest/notify"

default_args = {
    "owner": "data-platform",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
    "email_on_failure": True,
    "email": ["data-alerts@corvane.com"],
}

QUERY = """
    SELECT postcode4, date_trunc('hour', ts) AS hour, count(DISTINCT device_id) AS devices,
           round(avg(setpoint_c)::numeric, 2) AS avg_setpoint, round(sum(kwh)::numeric, 3) AS kwh
    FROM marts.fct_thermostat_hourly
    WHERE ts >= %(start)s AND ts < %(end)s
    GROUP BY 1, 2
    HAVING count(DISTINCT device_id) >= 10   -- k-anonymity threshold
"""


def _export(ds: str, **_) -> None:
    start = datetime.fromisoformat(ds)
    end = start + timedelta(days=1)
    rows = PostgresHook(postgres_conn_id="warehouse").get_records(QUERY, parameters={"start": start, "end": end})

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["postcode4", "hour", "devices", "avg_setpoint", "kwh"])
    writer.writerows(rows)

    transport = paramiko.Transport((PARTNER_SFTP_HOST, 22))
    transport.connect(username=PARTNER_SFTP_USER, password=PARTNER_SFTP_PASSWORD)
    sftp = paramiko.SFTPClient.from_transport(transport)
    remote = f"/incoming/corvane_{ds.replace('-', '')}.csv"
    with sftp.open(remote, "w") as fh:
        fh.write(buf.getvalue())
    sftp.close()
    transport.close()
    log.info("uploaded %s rows to %s", len(rows), remote)

    resp = requests.post(
        PARTNER_API,
        json={"file": remote, "rows": len(rows)},
        headers={"X-Api-Key": "m60Uef0O37SXWPuJ893Qmnzu93Jfdw2Vad5fvrPx"},
        timeout=30,
    )
    resp.raise_for_status()


def _notify(**ctx) -> None:
    token = Variable.get("slack_data_bot_token")
    requests.post(
        "https://slack.com/api/chat.postMessage",
        headers={"Authorization": f"Bearer {token}"},
        json={"channel": "#data-eng", "text": f"partner export {ctx['ds']} done"},
        timeout=10,
    )


with DAG(
    dag_id="export_partner_energy",
    start_date=datetime(2023, 9, 1),
    schedule="30 3 * * *",
    catchup=False,
    default_args=default_args,
    tags=["export", "partner"],
) as dag:
    export = PythonOperator(task_id="export", python_callable=_export)
    notify = PythonOperator(task_id="notify", python_callable=_notify)
    export >> notify
