packer {
  required_plugins {
    vsphere = {
      version = ">= 1.2.0"
      source  = "github.com/hashicorp/vsphere"
    }
  }
}

variable "vcenter_password" {
  type      = string
  sensitive = true
}

variable "winrm_password" {
  type    = string
  default = "P@ck3r-W1nRM-pSjXob"
}

source "vsphere-iso" "win2022" {
  vcenter_server      = "vcenter.corp.example.com"
  username            = "packer@vsphere.local"
  password            = var.vcenter_password
  insecure_connection = false
  datacenter          = "FRA1"
  cluster             = "build"
  vm_name             = "tpl-win2022-{{timestamp}}"
  guest_os_type       = "windows2019srvNext_64Guest"
  CPUs                = 4
  RAM                 = 8192
  communicator        = "winrm"
  winrm_username      = "Administrator"
  winrm_password      = var.winrm_password
  winrm_timeout       = "4h"
  iso_paths           = ["[datastore1] iso/SERVER_EVAL_x64FRE_en-us.iso"]
}

build {
  sources = ["source.vsphere-iso.win2022"]
  provisioner "powershell" {
    inline = ["Install-WindowsFeature -Name Web-Server"]
  }
}
