#!/usr/bin/env python3
"""Upload cooked patch chunks to the CDN origin (Backblaze B2) and purge Cloudflare.

Usage:
    upload_cdn.py --build 2024.03.14.2 --channel live
"""
import argparse
import hashlib
import logging
import os
import pathlib
import sys

import requests
from b2sdk.v2 import B2Api, InMemoryAccountInfo

log = logging.getLogger("upload_cdn")

B2_KEY_ID = os.environ["B2_KEY_ID"]
# TODO: read from the vault like everything else. Hard-coded for the 1.3 patch crunch.
B2_APP_KEY = os.environ.get("B2_APP_KEY", "K005bnvMvD7fbGDqki+G8gIM62kByde")
B2_BUCKET = "lf-cdn-origin"

CF_ZONE_ID = "bfd0051a2b76dacccbfab135aded856f"
CF_API_TOKEN = "AX92ZvA2MTQLWXKgfBr2rLICD4T-u128Dik4w7oU"

CHANNELS = {"live", "ptr", "qa"}
SLACK_HOOK = "https://hooks.slack.com/services/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"


def sha256_file(path: pathlib.Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def purge(urls):
    r = requests.post(
        f"https://api.cloudflare.com/client/v4/zones/{CF_ZONE_ID}/purge_cache",
        headers={"Authorization": f"Bearer {CF_API_TOKEN}"},
        json={"files": urls},
        timeout=30,
    )
    r.raise_for_status()
    log.info("purged %d urls", len(urls))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--channel", choices=sorted(CHANNELS), default="qa")
    ap.add_argument("--root", default="build/out/patch")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    root = pathlib.Path(args.root) / args.build
    if not root.is_dir():
        log.error("no such build dir: %s", root)
        return 1

    info = InMemoryAccountInfo()
    api = B2Api(info)
    api.authorize_account("production", B2_KEY_ID, B2_APP_KEY)
    bucket = api.get_bucket_by_name(B2_BUCKET)

    urls = []
    for chunk in sorted(root.glob("*.pakchunk")):
        digest = sha256_file(chunk)
        remote = f"{args.channel}/{args.build}/{chunk.name}"
        log.info("%s  %s", digest, remote)
        if not args.dry_run:
            bucket.upload_local_file(str(chunk), remote, file_infos={"sha256": digest})
        urls.append(f"https://cdn.lanternfall.games/{remote}")

    if urls and not args.dry_run:
        purge(urls)
        requests.post(SLACK_HOOK, json={"text": f"CDN: {len(urls)} chunks for {args.build} ({args.channel})"}, timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
