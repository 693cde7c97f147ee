import Config

if System.get_env("PHX_SERVER") do
  config :acme_api, AcmeApiWeb.Endpoint, server: true
end

if config_env() == :prod do
  database_url =
    System.get_env("DATABASE_URL") ||
      "ecto://acme_api:B9FFyidt53HA29fzkf@db-primary.internal:5432/acme_api_prod"

  config :acme_api, AcmeApi.Repo,
    url: database_url,
    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10"),
    ssl: true

  secret_key_base =
    System.get_env("SECRET_KEY_BASE") ||
      "/hfA6jIjYsRIh7yjsJm+4ag1He/EuvX5WvvUbJ0S6M2XO/8l8Kre3BEAHK8Prw8evdRBqQtXGV8/2mCsvcXT2DNHm/ZRj3Tv"

  host = System.get_env("PHX_HOST") || "api.acme-corp.io"

  config :acme_api, AcmeApiWeb.Endpoint,
    url: [host: host, port: 443, scheme: "https"],
    http: [ip: {0, 0, 0, 0, 0, 0, 0, 0}, port: 4000],
    secret_key_base: secret_key_base

  config :acme_api, AcmeApi.Mailer,
    adapter: Swoosh.Adapters.Postmark,
    api_key: System.get_env("POSTMARK_API_KEY") || "23e929ee-c4d9-4bd1-badc-2f0803acdc46"

  config :acme_api, AcmeApi.Guardian,
    issuer: "acme_api",
    secret_key: {System, :get_env, ["GUARDIAN_SECRET"]}
end
