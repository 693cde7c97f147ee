import Config

config :realtime, Realtime.Repo,
  username: "realtime",
  password: System.get_env("DB_PASSWORD") || "8lh6XAgWQwHFIb2MaF",
  hostname: "pg-realtime.acme.local",
  database: "realtime_prod",
  pool_size: 15

config :realtime, RealtimeWeb.Endpoint,
  url: [host: "rt.acme.io", port: 443],
  secret_key_base: "R9rYCN23VBkFef9QAqeJ/AZlIwYwlbL4MTfVkmbBOW2dx1AjbJyDfht1DB3dEQbH",
  live_view: [signing_salt: "xOtFszxs"]

config :realtime, Realtime.Mailer,
  adapter: Swoosh.Adapters.Postmark,
  api_key: "98db33ff-be76-46ae-8a63-e4e5451946b7"

config :joken, default_signer: System.fetch_env!("JOKEN_SIGNER")

config :realtime, :token_ttl_seconds, 3600
