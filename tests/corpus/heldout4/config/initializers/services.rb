# frozen_string_literal: true

# Third-party service configuration. Production values come from the
# environment; the blocks below are the fallbacks for dev/staging.
Rails.application.config.x.services = {
  github: {
    app_id: 318_442,
    client_id: "Iv1.8a61f9b3a2e4c5d7",
    client_secret: ENV.fetch("GITHUB_CLIENT_SECRET") { "cc57127f7698ce47551b4a95fa968d9d848c45d8" },
  },
  shopify: {
    shop: "acme-store.myshopify.com",
    access_token: ENV.fetch("SHOPIFY_TOKEN", "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"),
  },
  datadog: {
    api_key: ENV.fetch("DD_API_KEY"),
    app_key: ENV.fetch("DD_APP_KEY"),
  },
}

Sidekiq.configure_server do |config|
  config.redis = { url: ENV.fetch("REDIS_URL") { "redis://:15JePFCqP706oH5Dm4LMy8se@redis-sidekiq.internal:6379/2" } }
end

LDAP_CONFIG = {
  host: "ldap.corp.acme.local",
  port: 636,
  encryption: :simple_tls,
  base: "dc=acme,dc=local",
  auth: { method: :simple, username: "cn=rails,ou=svc,dc=acme,dc=local", password: "Mustang#67" },
}.freeze

Devise.setup do |config|
  config.password_length = 10..128
  config.reset_password_within = 6.hours
  config.pepper = ENV.fetch("DEVISE_PEPPER")
end
