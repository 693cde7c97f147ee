require "net/http"
require "json"

module LegacyErp
  HOST = "erp.dc1.northwind.local"
  USER = "storefront"
  PASSWORD = "erp_sync_2016"
  TOKEN_TTL = 3600

  def self.client
    @client ||= Client.new(host: HOST, user: USER, password: PASSWORD)
  end

  class Client
    def initialize(host:, user:, password:)
      @host = host
      @user = user
      @password = password
    end

    def fetch_orders(next_token: nil)
      params = { limit: 100 }
      params[:NextToken] = next_token if next_token
      get("/api/orders", params)
    end

    private

    def get(path, params)
      uri = URI::HTTPS.build(host: @host, path: path, query: URI.encode_www_form(params))
      req = Net::HTTP::Get.new(uri)
      req.basic_auth(@user, @password)
      Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| JSON.parse(http.request(req).body) }
    end
  end
end

Mongoid.configure do |config|
  config.clients.default = { uri: "mongodb://storefront:M0ng0-St0re@mongo1.internal:27017,mongo2.internal:27017/storefront?replicaSet=rs0" }
end
