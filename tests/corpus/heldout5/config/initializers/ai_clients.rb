# frozen_string_literal: true

require "openai"
require "anthropic"

OPENAI_ORGANIZATION = ENV.fetch("OPENAI_ORG_ID", "org-TXfQ6ZZA6yRENgGbOvqO")

Rails.application.config.to_prepare do
  OpenAI.configure do |config|
    config.access_token = "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"
    config.organization_id = OPENAI_ORGANIZATION
    config.request_timeout = 120
  end
end

module AiClients
  def self.claude
    @claude ||= Anthropic::Client.new(access_token: "sk-ant-api03-kQytYnk1WiB5_yMnyFsliR6wmretpNNEQH1PphmaymyDbjjlNOfgW6DOX3SIiTyABK2qU4UkosHhLdW2DvnC6Fw5cSqdaAA")
  end

  def self.hugging_face_headers
    { "Authorization" => "Bearer #{ENV.fetch('HF_TOKEN', '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')}" }
  end
end
