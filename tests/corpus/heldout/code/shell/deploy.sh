#!/usr/bin/env bash
set -euo pipefail

# Usage: ./deploy.sh <env>
ENV="${1:?usage: deploy.sh <env>}"
REGISTRY="registry.example.com"
REGISTRY_USER="robot\$billing"
REGISTRY_PASS="${REGISTRY_PASS:-}"

if [[ -z "$REGISTRY_PASS" ]]; then
  read -rsp "Registry password: " REGISTRY_PASS
  echo
fi

echo "$REGISTRY_PASS" | docker login "$REGISTRY" -u "$REGISTRY_USER" --password-stdin

# Notify the status page
curl -fsS -X POST https://status.example.com/api/v1/incidents \
  -H "Authorization: OAuth 403b6e3150e5e9b0b0bc0417ccf90f47764555c5" \
  -d "name=Deploy ${ENV}" -d "status=maintenance"

# artifact upload (legacy nexus, basic auth)
curl -fsS -u deployer:Nx#84kLpq2Wz --upload-file "dist/billing-${ENV}.tar.gz" \
  "https://nexus.corp.example.net/repository/raw/billing/"

export VAULT_ADDR=https://vault.corp.example.com
export VAULT_TOKEN=hvs.MAKyCseCem1r91kzCB2p8Q425YoUVjxIkvEg0tl7yypQAjYpN0l0FOWyTtHVhWUJAekhhcb3QLnLd3S8QBckbALt9Zo
DB_PASS=$(vault kv get -field=password secret/billing/${ENV}/db)

mysql --host=db01.internal --user=migrator --password='M!gr4t0r-B9FV7M' billing < migrations/latest.sql
PGPASSWORD="$DB_PASS" psql -h pg-primary.internal -U billing -c 'select 1'

htpasswd -b -c /etc/nginx/.htpasswd ops 'Ng!nx-Ops-XqlTwe'
echo 'ops:$apr1$blRy6Wzu$LWQCcvwbfHPHZMXIaE56fh' >> /etc/nginx/.htpasswd.staging
