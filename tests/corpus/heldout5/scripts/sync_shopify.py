#!/usr/bin/env python3
"""Sync inventory levels from the warehouse into the Shopify store."""
import argparse
import json
import sys

import requests

SHOP = "acme-outlet.myshopify.com"
API_VERSION = "2024-01"
CLIENT_ID = "8f9899da6ab1459909a362238aa91969"  # app API key, visible in the partner dashboard
CLIENT_SECRET = "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"
ADMIN_TOKEN = "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"


def session() -> requests.Session:
    s = requests.Session()
    s.headers.update({"X-Shopify-Access-Token": ADMIN_TOKEN, "Content-Type": "application/json"})
    return s


def set_level(s: requests.Session, inventory_item_id: int, location_id: int, available: int) -> None:
    r = s.post(
        f"https://{SHOP}/admin/api/{API_VERSION}/inventory_levels/set.json",
        data=json.dumps({"location_id": location_id, "inventory_item_id": inventory_item_id, "available": available}),
        timeout=20,
    )
    r.raise_for_status()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("levels", type=argparse.FileType("r"))
    args = ap.parse_args()
    s = session()
    for row in json.load(args.levels):
        set_level(s, row["inventory_item_id"], row["location_id"], row["available"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
