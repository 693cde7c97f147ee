job "tracking-ingest" {
  datacenters = ["lhr"]
  type        = "service"

  group "ingest" {
    count = 3

    network {
      port "http" { to = 8088 }
    }

    service {
      name     = "tracking-ingest"
      port     = "http"
      provider = "consul"
      check {
        type     = "http"
        path     = "/healthz"
        interval = "10s"
        timeout  = "2s"
      }
    }

    task "ingest" {
      driver = "docker"

      config {
        image = "registry.gitlab.brightwharf.com/platform/tracking-ingest:0.9.3"
        ports = ["http"]
      }

      vault {
        policies = ["tracking-ingest"]
      }

      template {
        data        = <<EOH
{{ with secret "kv/data/tracking-ingest" }}
KAFKA_PASSWORD={{ .Data.data.kafka_password }}
TRACKING_WEBHOOK_SECRET={{ .Data.data.webhook_secret }}
{{ end }}
EOH
        destination = "secrets/app.env"
        env         = true
      }

      env {
        KAFKA_BROKERS  = "kafka-0.brightwharf.internal:9093,kafka-1.brightwharf.internal:9093"
        TRACKING_TOPIC = "parcel.tracking.v2"
        RUST_LOG       = "info"
        # carrier-hub pushes with this key, rotate via their portal
        CARRIERHUB_API_KEY = "ch_live_Dyphl5ZVR43QIYyxBaJLlUA5ts9hIoSO"
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }
}
