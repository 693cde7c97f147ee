terraform {
  required_version = ">= 1.6.0"

  backend "s3" {
    bucket         = "corvane-tfstate-prod"
    key            = "core/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
    datadog = {
      source  = "DataDog/datadog"
      version = "~> 3.37"
    }
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 4.26"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "aws" {
  region = var.region
  # TODO(OPS-1142): move to the OIDC role; these are the legacy terraform-ci user keys
  access_key = "AKIAI5BMP2THRYPJDUB3"
  secret_key = "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"

  default_tags {
    tags = {
      Environment = var.environment
      ManagedBy   = "terraform"
      Repo        = "corvane/infra-live"
    }
  }
}

provider "datadog" {
  api_key = "b020b3f3bc0b338eacbeecd8115a472b"
  app_key = "fa5754dc7ab9fdad2281729519072f744da378bd"
  api_url = "https://api.datadoghq.eu/"
}

provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

variable "db_master_password" {
  type        = string
  sensitive   = true
  description = "Master password for warehouse-prod"
  default     = "CZBYz0P38?_frd+kxuR"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.5.2"

  name            = "corvane-${var.environment}"
  cidr            = "10.20.0.0/16"
  azs             = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  private_subnets = ["10.20.1.0/24", "10.20.2.0/24", "10.20.3.0/24"]
  public_subnets  = ["10.20.101.0/24", "10.20.102.0/24", "10.20.103.0/24"]

  enable_nat_gateway = true
  single_nat_gateway = false
}

resource "aws_db_instance" "warehouse" {
  identifier              = "warehouse-${var.environment}"
  engine                  = "postgres"
  engine_version          = "15.5"
  instance_class          = "db.r6g.2xlarge"
  allocated_storage       = 500
  max_allocated_storage   = 2000
  username                = "corvane_admin"
  password                = var.db_master_password
  db_subnet_group_name    = aws_db_subnet_group.private.name
  vpc_security_group_ids  = [aws_security_group.warehouse.id]
  backup_retention_period = 14
  deletion_protection     = true
  storage_encrypted       = true
  kms_key_id              = aws_kms_key.data.arn
}

resource "random_password" "redis_auth" {
  length  = 40
  special = false
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions-${var.environment}"
  description                = "shop + status-page sessions"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
  auth_token                 = random_password.redis_auth.result
  subnet_group_name          = aws_elasticache_subnet_group.private.name
}

resource "aws_ssm_parameter" "mailgun_api_key" {
  name  = "/shop/${var.environment}/mailgun_api_key"
  type  = "SecureString"
  value = var.mailgun_api_key
}

resource "aws_lambda_function" "thumbnailer" {
  function_name    = "shop-thumbnailer"
  role             = aws_iam_role.thumbnailer.arn
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  filename         = "${path.module}/artifacts/thumbnailer.zip"
  source_code_hash = "1+HmqoYNxKZtemkEU9Vm1mvERef9e+rEma/qBmRNKwo="
  memory_size      = 1024
  environment {
    variables = {
      BUCKET    = "corvane-shop-media-prod"
      LOG_LEVEL = "info"
    }
  }
}

resource "cloudflare_record" "status" {
  zone_id = var.cloudflare_zone_id
  name    = "status"
  type    = "CNAME"
  value   = "status-page-prod-1129384756.eu-west-1.elb.amazonaws.com"
  proxied = true
}
