pid_file = "/run/vault-agent/pidfile"

vault {
  address = "https://vault.brightwharf.internal:8200"
  ca_cert = "/etc/vault-agent/ca.pem"
}

auto_auth {
  method "approle" {
    mount_path = "auth/approle"
    config = {
      role_id_file_path                   = "/etc/vault-agent/role-id"
      secret_id_file_path                 = "/etc/vault-agent/secret-id"
      remove_secret_id_file_after_reading = true
    }
  }

  sink "file" {
    config = {
      path = "/run/vault-agent/token"
      mode = 0640
    }
  }
}

cache {
  use_auto_auth_token = true
}

listener "unix" {
  address     = "/run/vault-agent/agent.sock"
  tls_disable = true
}

template {
  source      = "/etc/vault-agent/templates/pgbouncer-userlist.ctmpl"
  destination = "/etc/pgbouncer/userlist.txt"
  perms       = "0600"
  command     = "systemctl reload pgbouncer"
}
