variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "reporting_password" {
  type      = string
  sensitive = true
}

variable "pagerduty_token" {
  type    = string
  default = "pxVKL1BBKM6yt7mtOs-u"
}

variable "db_password" {
  description = "Master password for the database. Set via TF_VAR_db_password."
  type        = string
  default     = "changeme"
}

variable "vpn_psk" {
  type      = string
  sensitive = true
  default   = "Vpn-PSK-n0rthw1nd-2022!"
}
