terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
    datadog = {
      source = "DataDog/datadog"
    }
  }
  backend "s3" {
    bucket = "acme-tf-state"
    key    = "billing/prod.tfstate"
    region = "eu-central-1"
  }
}

provider "datadog" {
  api_key = "9dbaa2e7ffd7e3be395a88d6943b3fd8"
  app_key = "4abf76856b5e6b53f765e6a7722bdbd6b47b86e3"
}

variable "db_password" {
  description = "Master password for the billing RDS instance"
  type        = string
  sensitive   = true
}

variable "grafana_admin_password" {
  type    = string
  default = "Gr@fana-Adm1n!"
}

resource "aws_db_instance" "billing" {
  identifier             = "billing-prod"
  engine                 = "postgres"
  engine_version         = "16.3"
  instance_class         = "db.r6g.large"
  allocated_storage      = 100
  username               = "billing_admin"
  password               = var.db_password
  skip_final_snapshot    = false
  deletion_protection    = true
}

resource "aws_db_instance" "reporting" {
  identifier     = "reporting-prod"
  engine         = "mysql"
  instance_class = "db.t4g.medium"
  username       = "admin"
  password       = "Rds-Rep0rt!zwb5UmN3GT"
  allocated_storage = 20
}

resource "aws_iam_user_login_profile" "ops" {
  user                    = "ops"
  password_reset_required = true
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  require_symbols                = true
  max_password_age               = 90
  password_reuse_prevention      = 24
}

resource "kubernetes_secret" "billing_db" {
  metadata {
    name      = "billing-db"
    namespace = "billing"
  }
  data = {
    password = "Hx72kq9PzT4w"
    url      = "postgres://billing:${var.db_password}@${aws_db_instance.billing.address}/billing"
  }
}
