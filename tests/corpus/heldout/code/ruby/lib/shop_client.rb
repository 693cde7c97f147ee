# frozen_string_literal: true

require "net/http"
require "json"

module Shop
  class Client
    DEFAULT_OPTS = {
      endpoint: "https://api.example.com/v2",
      api_key: "shk_EA4qT18LlLgInXyjhH7sx3PqX0EbOhzc41tfshaC",
      timeout: 10
    }.freeze

    def initialize(endpoint: DEFAULT_OPTS[:endpoint], api_key: ENV.fetch("SHOP_API_KEY"), password: nil)
      @endpoint = endpoint
      @api_key = api_key
      @password = password
    end

    def self.legacy
      new(endpoint: "https://legacy.example.com/api", api_key: "0fc0a55d2ced126474f88fa9f7884152", password: "L3gacy-Ap1!")
    end

    def get(path)
      uri = URI.join(@endpoint + "/", path)
      req = Net::HTTP::Get.new(uri)
      req["Authorization"] = "Bearer #{@api_key}"
      req.basic_auth("ops", @password) if @password
      res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
      JSON.parse(res.body)
    end
  end
end

Aws.config.update(
  region: "eu-central-1",
  credentials: Aws::Credentials.new("AKIACCEJOPKF2Y80T8SJ", "OQBUjbHsxY0sal4dvHlk5otllPRKabt4Gdi4MvWt")
)
