import Config

# config/runtime.exs is executed for all environments, including
# during releases. It is executed after compilation and before the
# system starts.

if System.get_env("PHX_SERVER") do
  config :lf_chat, LfChatWeb.Endpoint, server: true
end

if config_env() == :prod do
  database_url =
    System.get_env("DATABASE_URL") ||
      "ecto://lf_chat:chat_em1tdlp8ikld70cd@pg-chat.prod.lanternfall.internal/lf_chat"

  maybe_ipv6 = if System.get_env("ECTO_IPV6") in ~w(true 1), do: [:inet6], else: []

  config :lf_chat, LfChat.Repo,
    url: database_url,
    ssl: true,
    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10"),
    socket_options: maybe_ipv6

  secret_key_base =
    System.get_env("SECRET_KEY_BASE") ||
      "tmqOSkZeu9eWuCPHDTQrm+0kZTzX4m6V6jdXnLktDOL3dgTuoG5ADmH3kMddDKSN"

  host = System.get_env("PHX_HOST") || "chat.lanternfall.games"
  port = String.to_integer(System.get_env("PORT") || "4000")

  config :lf_chat, LfChatWeb.Endpoint,
    url: [host: host, port: 443, scheme: "https"],
    http: [ip: {0, 0, 0, 0, 0, 0, 0, 0}, port: port],
    secret_key_base: secret_key_base

  config :lf_chat, LfChat.Moderation,
    perspective_api_key: System.get_env("PERSPECTIVE_API_KEY", "AIzaQLJpHh8FHaIYen0yVEsMsVyQw-vS8Ih4n5q"),
    banned_words_path: "/etc/lf_chat/banned_words.txt"
end
