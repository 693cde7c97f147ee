cd ~/src/thermostat-fw
git status
git pull --rebase
pio run -e thermostat_v2
pio device monitor -b 115200
ls -la .pio/build/thermostat_v2/
sha256sum .pio/build/thermostat_v2/firmware.bin
export GITHUB_TOKEN=ghp_qBvLG8ennrXBiHhR9RkO3RfUmAYhyTsryI2Q
gh pr list --repo corvane/thermostat-fw-mirror
gh pr checkout 212
unset GITHUB_TOKEN
ssh bastion.corvane.com
mysql -h db-shop-02.corvane.internal -u mdevries -p'Copper*falcon54' shop -e "select count(*) from orders where created_at > now() - interval 1 day"
kubectl config use-context eks-prod-euw1
kubectl -n payments get pods
kubectl -n payments logs deploy/payments-api --since=10m | grep -i error
kubectl -n payments get secret payments-api -o jsonpath='{.data.DATABASE_PASSWORD}' | base64 -d
curl -s -H "Authorization: token gho_6Iz6KggENb6xdl7pSCzdFxiEnMzHDF17MPSK" https://api.github.com/user/repos?per_page=100 | jq '.[].full_name'
docker login -u corvanebot -p dckr_pat_nHBvoYs2hxfgQPP8wnoim4ctKLZ
docker pull corvane/fw-builder:latest
psql "postgresql://analyst:qE5BjyTWnjoA4CchB@warehouse-ro.corvane.internal:5432/warehouse" -c '\dt marts.*'
history | grep psql
aws sts get-caller-identity
aws s3 ls s3://corvane-telemetry-lake/exports/ --profile lake
vim ~/.config/rclone/rclone.conf
rclone ls lake:corvane-telemetry-lake/exports | head
python3 -m venv .venv && source .venv/bin/activate
pip install -r requirements-dev.txt
pytest -q tests/
git add -p
git commit -m "ota: verify image signature before swap"
git push origin feature/ota-rollback
