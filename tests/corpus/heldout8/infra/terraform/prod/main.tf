terraform {
  required_version = ">= 1.6"
  backend "remote" {
    organization = "brightwharf"
    workspaces {
      name = "platform-prod"
    }
  }
  required_providers {
    aws     = { source = "hashicorp/aws", version = "~> 5.40" }
    datadog = { source = "DataDog/datadog", version = "~> 3.37" }
  }
}

provider "aws" {
  region = "eu-west-2"
  default_tags {
    tags = {
      Environment = "prod"
      Owner       = "platform"
      CostCentre  = "CC-4410"
    }
  }
}

provider "datadog" {
  api_key = var.datadog_api_key
  app_key = var.datadog_app_key
  api_url = "https://api.datadoghq.eu/"
}

module "vpc" {
  source             = "../modules/vpc"
  name               = "bw-prod"
  cidr               = "10.40.0.0/16"
  azs                = ["eu-west-2a", "eu-west-2b", "eu-west-2c"]
  private_subnets    = ["10.40.1.0/24", "10.40.2.0/24", "10.40.3.0/24"]
  public_subnets     = ["10.40.101.0/24", "10.40.102.0/24", "10.40.103.0/24"]
  enable_nat_gateway = true
}

resource "aws_db_instance" "orders" {
  identifier                = "orders-prod"
  engine                    = "postgres"
  engine_version            = "15.5"
  instance_class            = "db.r6g.xlarge"
  allocated_storage         = 500
  storage_encrypted         = true
  username                  = "orders_admin"
  password                  = var.orders_db_password
  db_subnet_group_name      = module.vpc.database_subnet_group
  vpc_security_group_ids    = [aws_security_group.db.id]
  backup_retention_period   = 14
  deletion_protection       = true
  final_snapshot_identifier = "orders-prod-final"
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "bw-sessions-prod"
  description                = "storefront sessions"
  node_type                  = "cache.r6g.large"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
  auth_token                 = "rNAgOarEVm7bJeTb28L3CCumdIaGp1WD"
  subnet_group_name          = module.vpc.elasticache_subnet_group_name
}

resource "aws_mq_broker" "legacy_edi" {
  broker_name        = "legacy-edi"
  engine_type        = "ActiveMQ"
  engine_version     = "5.17.6"
  host_instance_type = "mq.t3.micro"
  user {
    username = "edi_admin"
    password = "EdiBroker-qOV6YexjR2oj"
  }
}
