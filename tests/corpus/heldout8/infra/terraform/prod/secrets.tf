data "aws_secretsmanager_secret_version" "stripe" {
  secret_id = "arn:aws:secretsmanager:eu-west-2:418273645509:secret:prod/order-api/stripe-Xk29Qa"
}

data "aws_secretsmanager_secret_version" "orders_db" {
  secret_id = "prod/orders/db-master"
}

locals {
  stripe_creds    = jsondecode(data.aws_secretsmanager_secret_version.stripe.secret_string)
  orders_db_creds = jsondecode(data.aws_secretsmanager_secret_version.orders_db.secret_string)
}

resource "aws_ssm_parameter" "order_api_db_password" {
  name   = "/prod/order-api/PG_PASSWORD"
  type   = "SecureString"
  value  = local.orders_db_creds["password"]
  key_id = "alias/bw-prod-params"
}

resource "random_password" "grafana_admin" {
  length           = 32
  special          = true
  override_special = "!#$%*-_=+"
}

resource "aws_secretsmanager_secret" "grafana_admin" {
  name                    = "prod/monitoring/grafana-admin"
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "grafana_admin" {
  secret_id     = aws_secretsmanager_secret.grafana_admin.id
  secret_string = random_password.grafana_admin.result
}
