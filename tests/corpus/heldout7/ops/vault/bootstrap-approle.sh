#!/usr/bin/env bash
# bootstrap-approle.sh - one-off setup of AppRoles for the claims services
# executed 2024-01-18 by S. Lorenz (CHG0031102)
set -euo pipefail

export VAULT_ADDR=https://vault.corp.aurelis.local:8200
export VAULT_TOKEN=hvs.CAESIXFRjjs-mouU8IK9n7N4HmrI4hoN4Aum-IL9nGDQbz3ZgaB0NHdY13xEP9D0bGOxpXMBK9ZhAptviqVgxoeuZb0
export VAULT_NAMESPACE=claims

vault auth enable -path=approle approle || true

for svc in claims-api claims-batch quote-engine notification-service; do
  vault policy write "${svc}" "policies/${svc}.hcl"
  vault write "auth/approle/role/${svc}" \
      token_policies="${svc}" token_ttl=1h token_max_ttl=4h secret_id_ttl=720h
  vault read -field=role_id "auth/approle/role/${svc}/role-id" > "out/${svc}.role_id"
done

# push the role ids to 1Password so the pipelines can pick them up
export OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoiYXVyZWxpcy4xcGFzc3dvcmQuZXUiLCJ1c2VyQXV0aCI6eyJtZXRob2QiOiJTUlBnLTQwOTYiLCJhbGciOiJQQkVTMmctSFMyNTYiLCJpdGVyYXRpb25zIjo2NTAwMDAsInNhbHQiOiJwRGE3UVNSSU8xZzRMd1lGSGhIbld3In0sImVtYWlsIjoiNW80czkydml5YnlzakAxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMuZXUiLCJzcnBYIjoiOWZiYTE3NzgzZjA1MmQyN2QzZDM1ODg5YzA2ZGEzMWE2ZmEzYmVhYWQ5MGRjYWNlYjY5NGE4OWRiMGZjZTM2NyIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiMnpYQ1pSTDUwSl9nZFk0SkRFM2J6VmlPZGNoZWd6UUJQS294dHA3VXpzOCIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtWjJHWDE0LTRKUk5INi03UFU4NS0zS0o3Mi03S0VESy0xNzk2RyIsInRocm90dGxlU2VjcmV0Ijp7InNlZWQiOiI0ZjdlMmYzYTcyMWExNDkxNzM5NTkzNjI0MDI4OTY1YzJiZjhlYmVhYzIzMmNjM2QxMmFiYWQwYmYyNGRjYmViIiwidXVpZCI6Ik5GWDZUOVFQUFpPOUZSTjBMOVlZNEVSTEoxIn0sImRldmljZVV1aWQiOiI1ZjZqdTVoNzhqY2hoamFub212Y25sMXN5dyJ9
for f in out/*.role_id; do
  svc=$(basename "$f" .role_id)
  op item create --vault "Claims CI" --category "API Credential" --title "vault-approle-${svc}" "role_id=$(cat "$f")"
done

echo "secrets live under: secret/data/claims/<env>/<service>"
