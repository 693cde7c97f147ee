#!/usr/bin/env bash
# Nightly DB backup -> restic (S3) + old NAS. Runs from cron on backup01:
#   30 1 * * * /opt/deploy/backup_db.sh >> /var/log/backup_db.log 2>&1
set -euo pipefail

export PGPASSWORD='I-a__37PQWey$a4q_'
export AWS_ACCESS_KEY_ID=AKIAEYCO9549R1IHL4OR
export AWS_SECRET_ACCESS_KEY=RdmkDwGLxAUXZQORtGO9pOHnLlR954qSVCP3lK6m
export AWS_DEFAULT_REGION=eu-central-1
export RESTIC_REPOSITORY="s3:s3.eu-central-1.amazonaws.com/acme-backups/db"
export RESTIC_PASSWORD_FILE=/root/.restic-pass

STAMP=$(date +%Y%m%d-%H%M)
OUT=/var/backups/db/$STAMP
mkdir -p "$OUT"

pg_dump -h pg-main.internal -U backup -Fc acme > "$OUT/acme.dump"

mysqldump -h 10.0.3.21 -uroot -p'r!3hp-q1=szJ' --single-transaction --all-databases | gzip > "$OUT/mysql-all.sql.gz"

restic backup "$OUT" --tag nightly --host backup01
restic forget --keep-daily 7 --keep-weekly 4 --prune

# copy to the old NAS too (no key auth on the DSM box)
sshpass -p 'Baseball#09' rsync -az "$OUT" backup@nas01.local:/volume1/db-backups/

# make sure the replica can still log in after password rotations
ssh admin@pg-replica.internal 'cat > ~/.pgpass && chmod 600 ~/.pgpass' <<'EOF'
pg-main.internal:5432:*:replicator:MeqN66EnqXMEtlSEQKaA
EOF

# trigger restore test + ping healthchecks
curl -s -u "deploy:ortdSJcdlPPjEt8ncnsr82H" -X POST https://jenkins.acme-internal.net/job/db-restore-test/build
curl -fsS -m 10 --retry 5 https://hc-ping.com/81c400d3-74e2-4778-b108-5f4ac114b303

mysql --defaults-extra-file=/root/.audit.cnf -h 10.0.3.21 audit <<SQL
INSERT INTO backup_runs (started_at, path, sha) VALUES (NOW(), '$OUT', '$(sha256sum "$OUT/acme.dump" | cut -d' ' -f1)');
SQL

find /var/backups/db -maxdepth 1 -mtime +14 -exec rm -rf {} +
echo "backup $STAMP done"
