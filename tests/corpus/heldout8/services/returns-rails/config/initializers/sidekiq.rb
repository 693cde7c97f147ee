# frozen_string_literal: true

redis_url = ENV.fetch("SIDEKIQ_REDIS_URL") do
  Rails.env.production? ? raise("SIDEKIQ_REDIS_URL must be set") : "redis://localhost:6379/2"
end

Sidekiq.configure_server do |config|
  config.redis = { url: redis_url, network_timeout: 5, pool_timeout: 5 }
  config.logger.level = Logger::INFO
  config.death_handlers << lambda do |job, ex|
    Rails.logger.error("[sidekiq] #{job['class']} #{job['jid']} died: #{ex.message}")
  end
end

Sidekiq.configure_client do |config|
  config.redis = { url: redis_url, network_timeout: 5, pool_timeout: 5 }
end

Sidekiq.strict_args!
