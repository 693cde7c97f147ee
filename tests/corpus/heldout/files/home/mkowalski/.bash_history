cd ~/projects/billing-api
git pull --rebase
make test
docker ps
docker logs -f billing-api_app_1 --tail 200
mysql -h db01.internal -u root -pQ9v!mZ2x#Lr7 shop_prod
mysql -u reporting -p shop_prod
psql "postgresql://billing:Hx72kq9PzT4w@pg-primary.internal:5432/billing?sslmode=require"
export PGPASSWORD=Hx72kq9PzT4w
pg_dump -h pg-primary.internal -U billing billing > /tmp/billing.sql
unset PGPASSWORD
curl -s -u admin:Spring2024! http://jenkins.internal:8080/api/json | jq .
curl -H "Authorization: Bearer $GITLAB_TOKEN" https://gitlab.example.org/api/v4/projects
sshpass -p 'b@ckup!99' scp backup.tar.gz backup@192.168.1.20:/volume1/backup/
redis-cli -h cache01 -a 'f3Lq8#wP0z' INFO replication
ls -la
htop
export AWS_ACCESS_KEY_ID=AKIAI4WP8K8THLM4ODSU
export AWS_SECRET_ACCESS_KEY=6BPbVhXc6UUFzGFp2jH4gVJ26usAZ7P8UceHWyQW
aws s3 ls s3://acme-billing-exports/
history | grep ssh
vim ~/.ssh/config
read -s -p "Vault password: " VAULT_PASS
kubectl get pods -n billing
echo "password123" | passwd --stdin deploy
