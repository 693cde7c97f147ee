"""Backfill historical carrier quotes into the pricing warehouse.

    python -m cli.backfill --since 2024-01-01 --carrier dpd
"""
import datetime as dt
import logging

import click
import requests
from sqlalchemy import create_engine, text

log = logging.getLogger(__name__)

CARRIERS = ("dpd", "evri", "royalmail", "dhl", "ups")


@click.command()
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), required=True)
@click.option("--carrier", type=click.Choice(CARRIERS), multiple=True, default=CARRIERS)
@click.option("--warehouse-dsn", envvar="WAREHOUSE_DSN", default="postgresql://etl@dwh.brightwharf.internal/pricing")
@click.option("--warehouse-password", envvar="WAREHOUSE_PASSWORD", default="etl_iM8JE61REJwfHq", show_default=False)
@click.option("--quote-api", default="https://quotes.carrier-hub.co.uk/v3")
@click.option("--quote-user", default="brightwharf-prod")
@click.option("--quote-pass", envvar="CARRIER_HUB_PASSWORD", default=None, help="carrier-hub API password")
@click.option("--dry-run", is_flag=True)
def main(since, carrier, warehouse_dsn, warehouse_password, quote_api, quote_user, quote_pass, dry_run):
    logging.basicConfig(level=logging.INFO)
    engine = create_engine(warehouse_dsn, connect_args={"password": warehouse_password})
    session = requests.Session()
    session.auth = (quote_user, quote_pass or "Quotes4Brightwharf!")
    session.headers["Accept"] = "application/json"

    day = since.date()
    while day < dt.date.today():
        for c in carrier:
            resp = session.get(f"{quote_api}/history", params={"carrier": c, "date": day.isoformat()}, timeout=30)
            resp.raise_for_status()
            rows = resp.json()["quotes"]
            log.info("%s %s: %d quotes", day, c, len(rows))
            if not dry_run and rows:
                with engine.begin() as conn:
                    conn.execute(
                        text("INSERT INTO carrier_quotes (carrier, quoted_on, service, weight_kg, price_gbp) "
                             "VALUES (:carrier, :quoted_on, :service, :weight_kg, :price_gbp)"),
                        [dict(r, carrier=c, quoted_on=day) for r in rows],
                    )
        day += dt.timedelta(days=1)


if __name__ == "__main__":
    main()
