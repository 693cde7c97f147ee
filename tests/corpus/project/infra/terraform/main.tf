terraform {
  required_version = ">= 1.5"
  backend "s3" {
    bucket = "nw-terraform-state"
    key    = "prod/main.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = var.region
}

provider "grafana" {
  url  = "https://grafana.northwind-labs.io"
  auth = "admin:Gr4fana-Adm1n"
}

resource "aws_db_instance" "billing" {
  identifier          = "billing-prod"
  engine              = "postgres"
  engine_version      = "15.4"
  instance_class      = "db.m6g.large"
  username            = "billing_admin"
  password            = "Bl-Adm1n-Pr0d-2023"
  skip_final_snapshot = false
}

resource "aws_db_instance" "reporting" {
  identifier = "reporting-prod"
  engine     = "postgres"
  username   = "reporting"
  password   = var.reporting_password
}

resource "aws_iam_user_policy" "ci" {
  name = "ci-artifacts"
  user = "ci-artifacts"
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue"]
      Resource = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/*"
    }]
  })
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  require_symbols                = true
  max_password_age               = 90
  password_reuse_prevention      = 5
}

locals {
  datadog_api_key = "b96babd59da91cccbff478d0d358d392"
  ami_sha         = "f542f0c2895f4ef7ba6871df1e699e8f152d3a8df6ca2539b2543ec2ad2e67bc"
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/billing/db-a1B2c3"
}
