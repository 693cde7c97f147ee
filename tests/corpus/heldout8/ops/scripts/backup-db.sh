#!/usr/bin/env bash
# Nightly logical backups of the on-prem databases to S3.
# Runs from cron on backup01:  0 1 * * * /opt/ops/backup-db.sh >> /var/log/backup-db.log 2>&1
set -euo pipefail

STAMP=$(date +%Y%m%d-%H%M)
WORK=/srv/backups/tmp
BUCKET=s3://bw-backups-prod/db
mkdir -p "$WORK"

log() { echo "$(date -Is) $*"; }

# --- WMS (MySQL) ---
log "dumping wms"
mysqldump -h wms-db01.brightwharf.internal -u backup -p'Backup#Wms2022' \
  --single-transaction --routines --triggers --set-gtid-purged=OFF wms \
  | zstd -T0 -q > "$WORK/wms-$STAMP.sql.zst"

# --- returns (Postgres) ---
log "dumping returns"
export PGPASSWORD="SKz5qm892eh4x7O226"
pg_dump -h pg-returns.brightwharf.internal -U backup -Fc returns > "$WORK/returns-$STAMP.dump"
unset PGPASSWORD

# --- upload ---
export AWS_ACCESS_KEY_ID=AKIACOPZI3XAV5EJ7IJA
export AWS_SECRET_ACCESS_KEY=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
aws s3 cp --only-show-errors --storage-class STANDARD_IA "$WORK/" "$BUCKET/$STAMP/" --recursive
rm -rf "${WORK:?}"/*

log "done"
