# prod workspace variables
# NB: sensitive ones are supposed to be set in Terraform Cloud, not here.
environment         = "prod"
orders_db_password  = "R85B4MfNeoDfrWv2b329tcmU"
datadog_api_key     = "83b5206c9b41eacf5b4daaa03094117c"
datadog_app_key     = "3ec20a49afd995b2644858d4f9f9ee3396473030"
alert_email         = "platform-alerts@brightwharf.com"
cloudflare_api_token = "QzFb7iR4l3N-b3idxYGFZAJ68D9ecpwfQW9PQn-z"
pagerduty_token     = "u+bPI3kgq7Y0Tt89W3x2"
bastion_allowed_ips = ["81.2.69.160/32", "81.2.69.161/32"]
instance_count      = 6
