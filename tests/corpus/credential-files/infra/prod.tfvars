# Production values -- DO NOT COMMIT (yes, we know)
environment         = "prod"
region              = "eu-west-1"
instance_type       = "m6i.large"
min_password_length = 14

db_username = "app_admin"
db_password = "Gr8-Expect4tions!"

datadog_api_key = "12b7fb46551a6c77d72720101eca79bf"
cloudflare_api_token = "05bFzu0onFC6rAZg7KDDfRWN-gunnbjmwbwM4cO6"

secret_arn     = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/app/db-Xy12Ab"
kms_key_id     = "57c6105d-97dc-47e1-bddf-3e73f482bb56"
ami_id         = "ami-0c55b159cbfafe1f0"
vpc_cidr       = "10.40.0.0/16"
