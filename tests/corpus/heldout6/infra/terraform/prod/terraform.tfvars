region      = "eu-west-1"
environment = "prod"

# sizing
shop_instance_type    = "m6i.xlarge"
shop_min_size         = 3
shop_max_size         = 12
warehouse_storage_gib = 500

allowed_admin_cidrs = [
  "185.54.212.0/24", # Amsterdam office
  "81.173.40.17/32", # VPN egress
]

# Cloudflare
cloudflare_zone_id   = "71f117c0d17a0124a2a805b9da5d133c"
cloudflare_api_token = "Xitjm6s4cROB3YRvIfg1zcWGCSLoCKnwst0dg0uA"

# PagerDuty (services + escalation policies are managed here too)
# pagerduty_token is passed as TF_VAR_pagerduty_token from the CI secret store

# GitHub provider – manages repos/teams in the corvane org
github_owner = "corvane"
github_token = "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"

# warehouse
warehouse_db_password = "Quartz-willow88"

# Terraform Cloud workspace used for the DNS module
tfe_token = "5DhUeHJifUMWQf.atlasv1.TGoNM5AYX6u8wn70F1tM5oIG3fVswARgQfJMxL8lSPVr8f9gQ6U4vPh33RLiIi0EbyN"

tags = {
  CostCenter = "platform"
  Owner      = "ops@corvane.com"
}
