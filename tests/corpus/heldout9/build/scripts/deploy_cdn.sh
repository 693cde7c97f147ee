#!/bin/bash
# Mirror a finished patch to the two legacy mirrors and to the QA partner's FTP.
set -euo pipefail

BUILD="$1"
SRC="/srv/builds/patch/${BUILD}/"

export RSYNC_PASSWORD='rs-ypCVEj2y5ikuc2ACS0rb'
for mirror in mirror-ams.lanternfall.games mirror-sea.lanternfall.games; do
  rsync -av --delete --partial "$SRC" "rsync://lfpatch@${mirror}/patch/${BUILD}/"
done

# QA partner (external) only gets the Windows chunks
lftp -u qa-partner,Qa-Partner-Upl0ad -e "set sftp:auto-confirm yes; mirror -R --only-newer ${SRC}Windows /incoming/${BUILD}; bye" sftp://upload.qa-partner.example.com

curl -fsS -X POST -H 'Content-type: application/json' --data "{\"text\":\"patch ${BUILD} mirrored\"}" "${SLACK_WEBHOOK_URL:?}"
