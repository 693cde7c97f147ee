# In this file, we load production configuration and secrets.
# This file is NOT supposed to be committed. (it was, see INC-2291)
import Config

config :acme, AcmeWeb.Endpoint,
  http: [port: 4000, transport_options: [socket_opts: [:inet6]]],
  url: [host: "app.acme.io", port: 443, scheme: "https"],
  secret_key_base: "kj2XMvCt7OCpv/OX7x9mv4e0h4rXSUqdmqr1P6WnR88wnOawaZ6GWNGfOOJ9+20+"

config :acme, Acme.Repo,
  username: "acme",
  password: "Z5C7?uY.Pjjv-K",
  database: "acme_prod",
  hostname: "pg-acme.internal",
  pool_size: 15

config :acme, Acme.Mailer,
  adapter: Swoosh.Adapters.Postmark,
  api_key: "2737f284-865a-423e-9d7a-31deb2ec77b8"

config :acme, Acme.Guardian,
  issuer: "acme",
  secret_key: System.fetch_env!("GUARDIAN_SECRET_KEY")

config :ex_aws,
  access_key_id: [{:system, "AWS_ACCESS_KEY_ID"}, :instance_role],
  secret_access_key: [{:system, "AWS_SECRET_ACCESS_KEY"}, :instance_role]

config :acme, :password_policy,
  min_length: 12,
  max_age_days: 180
