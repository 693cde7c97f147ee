environment = "prod"
region      = "eu-west-1"

cloudflare_zone_id   = "38a074e5c78cdc6575c2f177c90f35ee"
cloudflare_api_token = "bqHQBsN-FHJn8ZlaNUCfmzueiMslDobRYWN-LiBx"

datadog_api_key = "f4ea7432efb339b5bdf2558741ad2f43"
datadog_app_key = "6e1c5a37357041e6139556a367ae21188357272b"

do_token = "dop_v1_baf0d31265e3a8879cf5fe2c7b609dd605dc9549eac6f6fb31f95e0fd5d0f3ae"

instance_class = "db.r6g.large"
subnet_ids     = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
