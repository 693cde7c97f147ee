# frozen_string_literal: true

Stripe.api_key = ENV.fetch("STRIPE_SECRET_KEY") { "sk_test_e4T9IZ9c5FZ2sPfeTqO6Cr1z" }

Geocoder.configure(
  lookup: :google,
  api_key: "AIzatqk8451nG6jkOprrbhOSUin11i5BHyeiVZc",
  timeout: 3
)

Shopify::API.setup(
  api_key: "47da7ec7d5d45e464ee3fbc7f5e69953",
  api_secret_key: "542a063a79350d52ea02201c13b884d4",
  access_token: "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"
)

Rails.application.config.x.sms = {
  provider: :nexmo,
  api_key: ENV["NEXMO_API_KEY"],
  api_secret: "QzQLRqCoXfK9Q7zu"
}

Rails.application.config.session_store :cookie_store, key: "_storefront_session"
