# prod.tfvars - applied from lf-mon01 by ops. Yes, this file should be in the vault.
environment        = "prod"
region_eu          = "eu-central"
region_us          = "us-east"

cloudflare_zone_id   = "95940730bc69bf4915092e4e0ed6ed99"
cloudflare_api_token = "MbhQeaN66zhG7qrhFTZxuYgiL3t8Dzlffnw7JuJa"

linode_token         = "91dbd579b73b668e441338648a7fd72f512ed6a3997c5493515f033a65d0dca2"
digitalocean_token   = "dop_v1_6a0c3dc1c654662266fdbcaba320b1292c3d78c38cfd9114c3dff0ea9d394951"

gameserver_count_eu  = 12
gameserver_count_us  = 8
gameserver_type      = "g6-dedicated-8"

db_admin_user        = "lfadmin"
db_admin_password    = "51KEnugNFoYuxKEWFDPklzj!"

datadog_api_key      = "429b505bd54194dc342b8340380fe88e"
datadog_app_key      = var.datadog_app_key_from_env

allowed_admin_cidrs = [
  "81.2.69.160/28",   # Manchester office
  "10.30.0.0/16",     # VPN
]
