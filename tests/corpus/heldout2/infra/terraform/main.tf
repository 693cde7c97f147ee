terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
    datadog = { source = "DataDog/datadog" }
  }
  backend "s3" {
    bucket = "acme-tfstate"
    key    = "prod/main.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAGR17FK1H3BAPW4WA"
  secret_key = "kFheY8eCrtUPzgEq+6dyDjeRXVOjxjay5gzxlyQs"
}

provider "datadog" {
  api_key = var.datadog_api_key
  app_key = "5831331298b5c7908095c972832f068ea82b4e9b"
}

resource "aws_db_instance" "main" {
  identifier          = "acme-prod"
  engine              = "postgres"
  instance_class      = "db.r6g.large"
  username            = "acmeadmin"
  password            = "eVTXROmNOs!y3g4rKZIzdL85"
  skip_final_snapshot = false
}

resource "aws_db_instance" "analytics" {
  identifier = "acme-analytics"
  engine     = "mysql"
  username   = "admin"
  password   = data.aws_secretsmanager_secret_version.analytics.secret_string
}

resource "random_password" "redis" {
  length  = 32
  special = false
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id = "acme-cache"
  auth_token           = random_password.redis.result
  description          = "app cache"
}

variable "datadog_api_key" {
  type      = string
  sensitive = true
}
