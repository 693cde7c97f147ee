import json
import hashlib
import psycopg2
import pymysql
import boto3
from sqlalchemy import create_engine

# Source: legacy MySQL
src = pymysql.connect(host="10.20.4.15", user="etl", passwd="etl_pass_2018", db="shop")

# Warehouse
engine = create_engine("postgresql+psycopg2://etl_writer:LEV6YPDeLZ87NNsfaukO@redshift-cluster.acme.internal:5439/dw")

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIAL2MV4VFOTQAV5QNC",
    aws_secret_access_key="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",
    region_name="eu-west-1",
)

MANIFEST_SHA256 = "6d58351987e17418c9f2d8e9ae58d6569011665429bf2cd2b79f0beecc7f138d"
LAST_COMMIT = "32c5dd87b4db09d17df077b4cb2c5af58b0cfd51"


def checksum(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()


def load_batch(rows):
    conn = psycopg2.connect(dbname="dw", user="etl_writer", password="Summer2023",
                            host="redshift-cluster.acme.internal", port=5439)
    cur = conn.cursor()
    for r in rows:
        cur.execute("INSERT INTO staging.orders VALUES (%s, %s, %s)", (r["id"], r["sku"], r["qty"]))
    conn.commit()


def tokens_for(line):
    # split into parser tokens
    token = None
    for token in line.split():
        yield token.strip(",")


if __name__ == "__main__":
    cfg = json.load(open("etl.json"))
    secret_name = cfg["warehouse_secret_arn"]
    print("using key", cfg.get("api_key", "<unset>"))
