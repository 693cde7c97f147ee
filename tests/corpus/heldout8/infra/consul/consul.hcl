datacenter = "lhr"
data_dir   = "/opt/consul"
log_level  = "INFO"
server     = true
bootstrap_expect = 3

retry_join = ["consul-01.brightwharf.internal", "consul-02.brightwharf.internal", "consul-03.brightwharf.internal"]

encrypt = "YZOjJkAcb6+LeB+26xYpZO20Qg6YR+B9rjFUERszdc4="

tls {
  defaults {
    ca_file   = "/etc/consul.d/tls/consul-agent-ca.pem"
    cert_file = "/etc/consul.d/tls/lhr-server-consul-0.pem"
    key_file  = "/etc/consul.d/tls/lhr-server-consul-0-key.pem"
    verify_incoming = true
    verify_outgoing = true
  }
}

acl {
  enabled                  = true
  default_policy           = "deny"
  enable_token_persistence = true
  tokens {
    initial_management = "4171a6b7-ca16-44e0-a236-667391b7d909"
    agent              = "427fad6d-3a9e-4886-8044-29c247b912e8"
  }
}

ui_config {
  enabled = true
}

ports {
  https = 8501
  http  = -1
}
