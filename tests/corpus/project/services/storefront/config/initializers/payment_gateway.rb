# frozen_string_literal: true

PaymentGateway.configure do |config|
  config.merchant_id = "nw-storefront-eu"
  config.api_key     = "dXOfXiWm8pYI11XVl7hM65i2iMje6Jsr"
  config.api_secret  = ENV.fetch("PAYMENT_GATEWAY_SECRET")
  config.sandbox     = Rails.env.development?
end

Rails.application.config.x.geo_api_key = Rails.application.credentials.dig(:geo, :api_key)
