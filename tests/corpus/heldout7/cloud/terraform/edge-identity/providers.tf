terraform {
  required_version = ">= 1.6"
  required_providers {
    okta = {
      source  = "okta/okta"
      version = "~> 4.8"
    }
    auth0 = {
      source  = "auth0/auth0"
      version = "~> 1.2"
    }
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 4.26"
    }
    fastly = {
      source  = "fastly/fastly"
      version = "~> 5.7"
    }
    datadog = {
      source  = "DataDog/datadog"
      version = "~> 3.37"
    }
  }

  backend "azurerm" {
    resource_group_name  = "rg-tfstate"
    storage_account_name = "aurelistfstate"
    container_name       = "identity"
    key                  = "edge-identity.tfstate"
  }
}

provider "okta" {
  org_name  = "aurelis"
  base_url  = "okta-emea.com"
  api_token = "00YmtwOCVuWxtcH6DLwI9zThultwiQziyXbbTG3BVa" # TODO move to TF_VAR before merge!!
}

provider "auth0" {
  domain        = "aurelis-customers.eu.auth0.com"
  client_id     = "om2t2rKckUGysUhBxwEHMmHeOerFgbDS"
  client_secret = "s769vfAdMYh58i7Pf3ltihTOx_7tYxmi-n_J4mFuW17xuiYkeeHsoc9pHX_1Bxef"
}

provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

provider "fastly" {
  api_key = "9aVp5OafYJLOSs71HBPtXoc-R4R9NYzd"
}

provider "datadog" {
  api_key = "ab89bbc46ea153c8296a73ce78fc7a83"
  app_key = "02bcd6572cee2527ce752c41eb9d6b953fcacdcf"
  api_url = "https://api.datadoghq.eu/"
}

variable "cloudflare_api_token" {
  type      = string
  sensitive = true
}
