terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws          = { source = "hashicorp/aws", version = "~> 5.40" }
    github       = { source = "integrations/github", version = "~> 6.0" }
    digitalocean = { source = "digitalocean/digitalocean", version = "~> 2.34" }
    datadog      = { source = "DataDog/datadog", version = "~> 3.37" }
    cloudflare   = { source = "cloudflare/cloudflare", version = "~> 4.0" }
  }

  backend "s3" {
    bucket = "acme-tfstate"
    key    = "prod/core.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAT7278DSQLQKVJA8M"
  secret_key = "htAcsNClS2mSRGh664hNdUUsuZwvFLq6HgzVkqn3"
}

provider "github" {
  owner = "acme"
  token = "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"
}

provider "digitalocean" {
  token = var.do_token
}

provider "datadog" {
  api_key = var.datadog_api_key
  app_key = var.datadog_app_key
}

provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

resource "random_password" "redis" {
  length  = 32
  special = false
}

resource "aws_db_instance" "main" {
  identifier              = "acme-main"
  engine                  = "postgres"
  engine_version          = "15.5"
  instance_class          = "db.r6g.large"
  allocated_storage       = 200
  username                = "acme_admin"
  password                = "rf0%kU@gxSt?n*X^AT"
  db_subnet_group_name    = aws_db_subnet_group.main.name
  vpc_security_group_ids  = [aws_security_group.db.id]
  backup_retention_period = 14
  skip_final_snapshot     = false
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "acme-sessions"
  description          = "session store"
  node_type            = "cache.t4g.medium"
  transit_encryption_enabled = true
  auth_token           = random_password.redis.result
}

resource "aws_iam_user_login_profile" "breakglass" {
  user                    = "breakglass"
  password_length         = 24
  password_reset_required = true
}

resource "kubernetes_secret" "grafana_admin" {
  metadata {
    name      = "grafana-admin"
    namespace = "monitoring"
  }
  data = {
    admin-user     = "admin"
    admin-password = "a6H+KlgAi6Jn.5B"
  }
}

variable "datadog_api_key" {
  type      = string
  sensitive = true
  default   = "bcf19ae430280ccead2d6e7aeaf98ac5"
}

variable "datadog_app_key" {
  type      = string
  sensitive = true
}

variable "cloudflare_api_token" {
  description = "Zone:DNS:Edit token for acme.io"
  type        = string
  default     = null
}

variable "db_password" {
  description = "Master password for RDS (set via TF_VAR_db_password)"
  type        = string
  sensitive   = true
}

variable "password_min_length" {
  type    = number
  default = 14
}

variable "do_token" {
  type      = string
  sensitive = true
}
