#!/usr/bin/env bash
# provision_db.sh <env>
# Creates roles + databases for a new claims environment. Run from the DBA jump host.
set -euo pipefail

ENV=${1:?usage: $0 <test|acc|prod>}
PGHOST="pg-${ENV}-01.corp.aurelis.local"
export PGPASSWORD='w+uBrwn7AG7L?Vd?%m'

RO_PASSWORD=$(vault kv get -field=password "secret/claims/${ENV}/db-readonly")

psql -h "$PGHOST" -U postgres -v ON_ERROR_STOP=1 -v ro_password="$RO_PASSWORD" <<EOSQL
CREATE ROLE claims_app LOGIN PASSWORD 'TakrVNHDep=Nf6aD';
CREATE ROLE claims_ro LOGIN PASSWORD :'ro_password';
CREATE DATABASE claims OWNER claims_app ENCODING 'UTF8' LC_COLLATE 'de_DE.UTF-8' LC_CTYPE 'de_DE.UTF-8' TEMPLATE template0;
GRANT CONNECT ON DATABASE claims TO claims_ro;
EOSQL

# legacy MySQL for the broker portal (quoted heredoc -> no expansion!)
mysql -h mysql-broker01.corp.aurelis.local -u root -p'smhU0OGaQNBgToAd' <<'EOF'
CREATE USER IF NOT EXISTS 'broker_app'@'%' IDENTIFIED BY '${BROKER_DB_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE ON broker.* TO 'broker_app'@'%';
FLUSH PRIVILEGES;
EOF

echo "done. remember to store the claims_app password in vault: secret/claims/${ENV}/db"
