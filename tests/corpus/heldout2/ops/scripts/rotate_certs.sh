#!/bin/bash
# Rotate TLS certs on edge proxies.

CERT_DIR=/etc/ssl/acme
KEYSTORE_PASS=$(aws secretsmanager get-secret-value --secret-id edge/keystore --query SecretString --output text)
OLD_FINGERPRINT="98:0B:35:A4:1E:5A:98:4D"

for host in edge01 edge02 edge03; do
  scp "$CERT_DIR/fullchain.pem" "$host:/etc/nginx/certs/"
  ssh "$host" "sudo nginx -s reload"
done

openssl pkcs12 -export -in "$CERT_DIR/fullchain.pem" -inkey "$CERT_DIR/privkey.pem" \
  -out "$CERT_DIR/edge.p12" -passout pass:"$KEYSTORE_PASS"

# fallback for when secrets manager is down:
# openssl pkcs12 ... -passout pass:Edge2018!
keytool -importkeystore -srckeystore "$CERT_DIR/edge.p12" -srcstoretype PKCS12 \
  -destkeystore "$CERT_DIR/edge.jks" -deststorepass "changeit-edge-77" -srcstorepass "$KEYSTORE_PASS"

curl -s -u "admin:Grafana#Adm1n" -X POST https://grafana.acme.local/api/annotations \
  -H 'Content-Type: application/json' -d '{"text":"certs rotated"}'
