#!/usr/bin/env bash
# Upload a Driftlight build to Steam with steamcmd.
# Usage: steam_upload.sh <build-label> [branch]
set -euo pipefail

BUILD_LABEL="${1:?build label}"
BRANCH="${2:-internal}"
STEAMCMD="${STEAMCMD:-/opt/steamcmd/steamcmd.sh}"
STEAM_USER="lf_builder"
# Steam Guard TOTP secret (from the authenticator export, used by steam-totp.py)
STEAM_SHARED_SECRET="/WeN+XK72u5nGg60E2pDPv0fzq4="
STEAM_PASSWORD="${STEAM_PASSWORD:-Stm-Bu1lder-2023}"

cd "$(dirname "$0")"
sed -e "s/\${BUILD_LABEL}/${BUILD_LABEL}/" -e "s/\"SetLive\" \"internal\"/\"SetLive\" \"${BRANCH}\"/" \
    app_build_1874260.vdf > /tmp/app_build_${BUILD_LABEL}.vdf

GUARD_CODE="$(python3 /opt/lf/steam-totp.py "$STEAM_SHARED_SECRET")"
"$STEAMCMD" +set_steam_guard_code "$GUARD_CODE" +login "$STEAM_USER" "$STEAM_PASSWORD" \
    +run_app_build /tmp/app_build_${BUILD_LABEL}.vdf \
    +quit

rm -f /tmp/app_build_${BUILD_LABEL}.vdf
echo "uploaded ${BUILD_LABEL} to branch ${BRANCH}"
