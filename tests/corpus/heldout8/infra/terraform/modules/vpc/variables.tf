variable "name" {
  description = "Name prefix for all VPC resources"
  type        = string
}

variable "cidr" {
  description = "VPC CIDR block"
  type        = string
}

variable "azs" {
  type = list(string)
}

variable "private_subnets" {
  type    = list(string)
  default = []
}

variable "public_subnets" {
  type    = list(string)
  default = []
}

variable "enable_nat_gateway" {
  type    = bool
  default = false
}

variable "db_master_password" {
  description = "Master password for the subnet's RDS instances. Pass from Secrets Manager, never hard-code."
  type        = string
  sensitive   = true
  default     = null
}

variable "flow_log_retention_days" {
  type    = number
  default = 90
}
