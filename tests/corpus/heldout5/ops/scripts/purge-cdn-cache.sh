#!/bin/sh
# Purge Cloudflare cache for the storefront zone after a deploy.
ZONE_ID="9ce37af6d490faac940dfda3b66b0125"
CF_EMAIL="ops@acme-corp.io"

curl -sS -X POST "https://api.cloudflare.com/client/v4/zones/${ZONE_ID}/purge_cache" \
     -H "X-Auth-Email: ${CF_EMAIL}" \
     -H "X-Auth-Key: 0ea6bf123380bbc12043707127933ba259474" \
     -H "Content-Type: application/json" \
     --data '{"purge_everything":true}'

# old way, kept for reference:
# curl -H "Authorization: Bearer $CF_API_TOKEN" ...
