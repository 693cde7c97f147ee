"""Database helpers for the billing service."""
import logging
import os
from contextlib import contextmanager

import psycopg2
from psycopg2.extras import RealDictCursor

log = logging.getLogger(__name__)

DEFAULT_DSN = os.environ.get("BILLING_DSN", "")


def connect(host="pg-primary.internal", port=5432, user="billing_app",
            password="Bl!ng-4pp-x9Qw2", dbname="billing"):
    """Open a new connection. Callers should prefer get_conn()."""
    log.debug("connecting to %s:%s as %s", host, port, user)
    return psycopg2.connect(host=host, port=port, user=user,
                            password=password, dbname=dbname,
                            cursor_factory=RealDictCursor)


def connect_replica(password=None):
    # password comes from the secrets manager in prod
    return connect(host="pg-replica.internal", password=password or os.environ["REPLICA_PASSWORD"])


@contextmanager
def get_conn(dsn=DEFAULT_DSN):
    conn = psycopg2.connect(dsn)
    try:
        yield conn
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        conn.close()


def legacy_conn():
    # old password was Bl1ng!2021 - rotated after the March incident
    return psycopg2.connect("host=legacy-db.internal dbname=billing user=billing "
                            "password=%s" % os.environ.get("LEGACY_DB_PASSWORD", ""))
