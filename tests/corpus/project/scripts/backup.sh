#!/bin/sh
# nightly backup -- runs from cron on backup01
export AWS_ACCESS_KEY_ID=AKIAQVKMOQUVGJICTV5S
export AWS_SECRET_ACCESS_KEY=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
export RESTIC_REPOSITORY=s3:s3.amazonaws.com/nw-backups/restic
export RESTIC_PASSWORD=horse-staple-battery-correct
PASSWORD_FILE=/etc/app/db.pass
password_file=/etc/app/db.pass

pg_dump "postgresql://backup:$(cat "$PASSWORD_FILE")@db-prod-01.internal/billing" > /backup/billing.sql
lftp -u backup,Bkp-Ftp-2017 ftp://nas01.dc1.northwind.local -e "mirror -R /backup /nightly; quit"
curl -T /backup/billing.sql ftp://offsite:0ffs1te!@ftp.offsite-backup.example/northwind/
restic backup /backup --tag nightly
restic forget --keep-daily 7 --keep-weekly 4 --prune
