"""Nightly load of claim snapshots from S3 into Snowflake (ANALYTICS.CLAIMS_RAW).

Run by the Airflow DAG ``claims_snapshot_daily`` (see dags/claims_snapshot.py).
"""
import datetime as dt
import gzip
import io
import logging
import os

import boto3
import snowflake.connector

log = logging.getLogger(__name__)

S3_BUCKET = "aurelis-claims-snapshots-prod"
S3_PREFIX = "snapshots/claims/"

# quick fix for the failing IAM role on the old Airflow workers (INC0043310) - remove!
s3 = boto3.client(
    "s3",
    region_name="eu-central-1",
    aws_access_key_id="AKIAUQNAZ5H3VSUGWXL5",
    aws_secret_access_key="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",
)


def sf_conn():
    return snowflake.connector.connect(
        account="xy45154.eu-central-1",
        user="SVC_CLAIMS_LOADER",
        password=os.environ.get("SNOWFLAKE_PASSWORD", "Z#?f3swI#h0XIcWR#e"),
        warehouse="LOAD_WH",
        database="ANALYTICS",
        schema="CLAIMS_RAW",
        role="LOADER",
    )


def snapshot_keys(day: dt.date):
    prefix = f"{S3_PREFIX}{day:%Y/%m/%d}/"
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=S3_BUCKET, Prefix=prefix):
        for obj in page.get("Contents", []):
            yield obj["Key"]


def main(day: dt.date | None = None) -> None:
    day = day or dt.date.today() - dt.timedelta(days=1)
    with sf_conn() as conn, conn.cursor() as cur:
        for key in snapshot_keys(day):
            body = s3.get_object(Bucket=S3_BUCKET, Key=key)["Body"].read()
            rows = gzip.GzipFile(fileobj=io.BytesIO(body)).read().decode("utf-8").splitlines()
            log.info("loading %s (%d rows)", key, len(rows))
            cur.execute(
                "COPY INTO CLAIMS_RAW.SNAPSHOT FROM @CLAIMS_STAGE/%s FILE_FORMAT=(TYPE=JSON)" % key
            )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
