#!/usr/bin/env python3
"""One-off: copy SKU images from the legacy bucket into the new media bucket.

Run from the bastion:  python3 scripts/sync_s3.py --prefix sku-images/ --dry-run
"""
import argparse
import logging

import boto3
from botocore.config import Config

log = logging.getLogger("sync_s3")

LEGACY_BUCKET = "brightwharf-legacy-assets"
TARGET_BUCKET = "bw-inventory-media-prod"

# legacy account (123456789012 is NOT ours, this is the old agency account)
legacy = boto3.client(
    "s3",
    region_name="eu-west-1",
    aws_access_key_id="AKIALLVPETS2I6LFPOXN",
    aws_secret_access_key="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",
    config=Config(retries={"max_attempts": 10, "mode": "adaptive"}),
)
# target account uses the instance profile
target = boto3.client("s3", region_name="eu-west-2")


def iter_keys(prefix):
    paginator = legacy.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=LEGACY_BUCKET, Prefix=prefix):
        for obj in page.get("Contents", []):
            yield obj["Key"], obj["ETag"].strip('"')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prefix", default="sku-images/")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    copied = skipped = 0
    for key, etag in iter_keys(args.prefix):
        try:
            head = target.head_object(Bucket=TARGET_BUCKET, Key=key)
            if head["ETag"].strip('"') == etag:
                skipped += 1
                continue
        except target.exceptions.ClientError:
            pass
        if args.dry_run:
            log.info("would copy %s", key)
            continue
        body = legacy.get_object(Bucket=LEGACY_BUCKET, Key=key)["Body"].read()
        target.put_object(Bucket=TARGET_BUCKET, Key=key, Body=body, ContentType="image/jpeg")
        copied += 1
    log.info("done: copied=%d skipped=%d", copied, skipped)


if __name__ == "__main__":
    main()
