#!/usr/bin/env bash
# Nightly logical backup of the shop database, shipped to S3 and announced in Grafana.
set -euo pipefail

export AWS_ACCESS_KEY_ID=AKIAG4LK2KEFZATBPFF5
export AWS_SECRET_ACCESS_KEY=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
export AWS_DEFAULT_REGION=eu-west-1

STAMP=$(date +%Y%m%d-%H%M)
OUT=/var/backups/shop-${STAMP}.sql.gz
# known-good checksum of the restore helper we download below
RESTORE_HELPER_SHA256=2c5834dbf69cbaf11c8e276f786c03fa8e7a8ea854ad92ed926c56322605e18d

mysqldump --single-transaction --routines -h shop-db.internal -u backup -p'rgH0FQyh~k~2DL' shop | gzip > "$OUT"

aws s3 cp "$OUT" "s3://acme-db-backups/shop/${STAMP}.sql.gz" --sse AES256

curl -fsS -u 'admin:vTP*^mTfHpxrV5' -H 'Content-Type: application/json' \
  -X POST https://grafana.internal.acme-corp.io/api/annotations \
  -d "{\"tags\":[\"backup\",\"shop\"],\"text\":\"shop backup ${STAMP} done\"}"

find /var/backups -name 'shop-*.sql.gz' -mtime +7 -delete
