# prod values - the token should come from TF_VAR_cloudflare_api_token in CI,
# this file is only for local plan runs
cloudflare_api_token  = "XcGekYZ9nWw-uMjwev9Mok_G9-Qx9QsW9gHheaYs"
cloudflare_account_id = "7d913d593feea81ba7a804e37fe50f63"
cloudflare_zone_id    = "039e9fe8960c67aaedba3efd2d89c5d7"

okta_group_prefix = "APP-CLAIMS-"
auth0_tenant      = "aurelis-customers"
fastly_service_id = "JTei5JgV1tXndLXE8rm5Q4"

waf_allowlist = [
  "194.25.0.0/16",
  "85.183.112.0/24",
]
