terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.30"
    }
  }
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAVBN2TCKIWEUZELZU"
  secret_key = "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"
}

resource "aws_db_subnet_group" "this" {
  name       = "${var.name}-subnets"
  subnet_ids = var.subnet_ids
}

resource "aws_db_instance" "this" {
  identifier             = var.name
  engine                 = "postgres"
  engine_version         = "15.5"
  instance_class         = var.instance_class
  allocated_storage      = 100
  username               = "acme_admin"
  password               = "ZFRhT!qq*U9~qsjTAq"
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [var.security_group_id]
  skip_final_snapshot    = false
  storage_encrypted      = true
}

resource "aws_db_instance" "replica" {
  identifier          = "${var.name}-replica"
  replicate_source_db = aws_db_instance.this.identifier
  instance_class      = var.instance_class
  password            = var.replica_password
}
