packer {
  required_plugins {
    vsphere = {
      version = ">= 1.2.4"
      source  = "github.com/hashicorp/vsphere"
    }
  }
}

variable "vcenter_server" {
  type    = string
  default = "vcsa01.corp.aurelis.local"
}

variable "vcenter_user" {
  type    = string
  default = "svc_packer@vsphere.local"
}

variable "vcenter_password" {
  type      = string
  sensitive = true
  default   = "S8=!TOwPw*E=+kl5"
}

variable "ssh_password" {
  type      = string
  sensitive = true
  default   = "Packer2024!"
}

variable "iso_checksum" {
  type    = string
  default = "sha256:6aae2e56fbd334c3f6f883c7b02ddec38f9e8a22874d936ebe89ab09702f941a"
}

source "vsphere-iso" "rhel9" {
  vcenter_server      = var.vcenter_server
  username            = var.vcenter_user
  password            = var.vcenter_password
  insecure_connection = true
  datacenter          = "DC-FRA"
  cluster             = "CL-FRA-APP"
  datastore           = "ds-fra-ssd-01"
  folder              = "Templates/RHEL"

  vm_name              = "tpl-rhel9-{{ isotime \"20060102\" }}"
  guest_os_type        = "rhel9_64Guest"
  CPUs                 = 2
  RAM                  = 4096
  disk_controller_type = ["pvscsi"]
  storage {
    disk_size             = 40960
    disk_thin_provisioned = true
  }
  network_adapters {
    network      = "VLAN-210-Build"
    network_card = "vmxnet3"
  }

  iso_paths    = ["[ds-iso] rhel-9.3-x86_64-dvd.iso"]
  iso_checksum = var.iso_checksum
  http_directory = "http"
  boot_command = ["<up><tab> inst.text inst.ks=http://{{ .HTTPIP }}:{{ .HTTPPort }}/ks.cfg<enter>"]

  ssh_username = "packer"
  ssh_password = var.ssh_password
  ssh_timeout  = "30m"
  convert_to_template = true
}

build {
  sources = ["source.vsphere-iso.rhel9"]

  provisioner "shell" {
    execute_command = "echo '${var.ssh_password}' | sudo -S sh -c '{{ .Vars }} {{ .Path }}'"
    scripts = ["scripts/harden.sh", "scripts/cleanup.sh"]
  }
}
