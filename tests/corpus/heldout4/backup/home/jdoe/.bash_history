cd ~/src/acme-api
git pull --rebase
docker compose up -d
docker compose logs -f api
psql "postgresql://acme_admin:lBMNHq-2GIVPQmUrpc@pg-main.internal:5432/acme"
export GITHUB_TOKEN=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
gh pr list
mysql -u root -pTigers#1987 -h db01.corp.acme.local
ls -la
curl -H "Authorization: Bearer $OPENAI_API_KEY" https://api.openai.com/v1/models | jq '.data[].id'
htop
ssh backup@nas01.local
kubectl config use-context staging
kubectl get pods -n ci
aws configure set aws_secret_access_key jW+7RP7LsnYLzP6nRQuRak/F1k0rEv/0yQRLPLXd --profile personal
vault login hvs.CAESIlgN6hinnDpaULV-Ra14pVE4kqxc2EDTtB1LK4I45WX062BhEAFJjxTutaowwTtPIIpyyqvRJ2FyrsIJi
vault kv get secret/acme/prod/db
echo $DATABASE_URL
git log --oneline -5
git show 2793bd89c85c826451de89d4eea59aa9fe753560 --stat
redis-cli -h redis-prod.acme.io -p 6380 --tls -a 'wvBa?vpCw&m+.HG' info keyspace
docker login -u acmebot -p dckr_pat_SRxRMzDY8CbelGZes2fn0FAOUJw
history | grep password
openssl rand -hex 32
ssh-keygen -t ed25519 -C jdoe@acme.io
sha256sum acme-api-2.3.1.tar.gz
mysql -u root -p
exit
