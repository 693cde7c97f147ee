#!/usr/bin/env bash
# Deploy a tagged build to the web hosts.
set -euo pipefail

VERSION="${1:?usage: deploy.sh VERSION}"
HOSTS=(web01.dc1.northwind.local web02.dc1.northwind.local)
DEPLOY_USER=deploy
DEPLOY_PASS='Dpl0y!sftp#2022'
ARTIFACT_URL="https://nexus.contoso-intra.local/repository/raw/northwind/${VERSION}.tar.gz"
ARTIFACT_SHA256=c24f83db504cff0d06bd42a9b0c8b32885fa51ce3235fa091dd367136019d978

curl -fsSL -u builder:NexusR3ad0nly "${ARTIFACT_URL}" -o /tmp/northwind.tgz
echo "${ARTIFACT_SHA256}  /tmp/northwind.tgz" | sha256sum -c -

for h in "${HOSTS[@]}"; do
  sshpass -p "$DEPLOY_PASS" scp /tmp/northwind.tgz "${DEPLOY_USER}@${h}:/tmp/"
  sshpass -p 'Dpl0y!sftp#2022' ssh "${DEPLOY_USER}@${h}" 'sudo /opt/northwind/bin/install /tmp/northwind.tgz'
done

# notify the status page
curl -s -X POST https://status.northwind-labs.io/api/v1/incidents \
  -H 'Content-Type: application/json' \
  -H 'X-API-Key: efnvRQB8itSYTY8C56ImG6ld5P32mnhzAXSSBYZS' \
  -d "{\"name\":\"deploy ${VERSION}\",\"status\":\"resolved\"}"

# purge CDN
curl -s -X POST "https://api.cdn.example.net/v2/zones/8812/purge" \
  -H "Authorization: Basic Y2RuLXB1cmdlOlB1cmdlQWxsIzg4"

# migrations
mysql -h db01.dc1.northwind.local -u migrator -pM1gr4t0r_pw northwind < db/migrate.sql
PGPASSWORD="$PG_PASS" psql -h db-prod-01.internal -U northwind -c 'select 1'
mysqldump --user=backup --password=JtD4QFO7N9fh4sjk --single-transaction shop > /tmp/shop.sql

echo "deployed ${VERSION}"
