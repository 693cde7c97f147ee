#!/usr/bin/env bash
set -euo pipefail

# Provision application databases on a fresh Postgres host.
# Usage: ./provision_db.sh <host>

HOST="${1:?host required}"
export PGPASSWORD="gao5QsOh=Hc-WQ6t8mT-"   # postgres superuser

APP_PASSWORD="${APP_DB_PASSWORD:-}"
if [[ -z "$APP_PASSWORD" ]]; then
  APP_PASSWORD=$(openssl rand -base64 24)
  echo "generated app password (stored in vault)"
  vault kv put secret/db/app password="$APP_PASSWORD"
fi

psql -h "$HOST" -U postgres <<SQL
CREATE ROLE app LOGIN PASSWORD '${APP_PASSWORD}';
CREATE ROLE readonly LOGIN PASSWORD 'ReadOnly2022';
CREATE DATABASE app OWNER app;
SQL

mysql -h mysql01 -u root -p'toor123!' -e "CREATE USER 'metrics'@'%' IDENTIFIED BY 'm3tr1cs';"

# datadog agent install
DD_API_KEY=333f7c7dbbd4207924a310c08127b03b DD_SITE="datadoghq.eu" bash -c "$(curl -L https://s3.amazonaws.com/dd-agent/scripts/install_script_agent7.sh)"

echo "done. checksum of schema: $(sha1sum schema.sql | cut -d' ' -f1)"
