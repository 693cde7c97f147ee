import Config

if config_env() == :prod do
  database_url =
    System.get_env("DATABASE_URL") ||
      raise """
      environment variable DATABASE_URL is missing.
      For example: ecto://USER:PASS@HOST/DATABASE
      """

  config :chat, Chat.Repo,
    url: database_url,
    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10")

  config :chat, ChatWeb.Endpoint,
    url: [host: "chat.example.com", port: 443, scheme: "https"],
    secret_key_base: "2qQ6SkqMJy62Ml5MHIYQxDx21TnLwvkLHzJP9PNPb0NKvSLeccZ8LDYF5LMGzSAn"
end

config :chat, Chat.Mailer,
  adapter: Swoosh.Adapters.SMTP,
  relay: "smtp.example.com",
  username: "chat@example.com",
  password: "Ch4t-M4il!XQTDAo",
  tls: :always

config :chat, :turn,
  urls: ["turn:turn.example.com:3478"],
  username: "chat",
  credential: System.fetch_env!("TURN_CREDENTIAL")
