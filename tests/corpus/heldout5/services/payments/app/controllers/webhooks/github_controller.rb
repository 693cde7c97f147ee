# frozen_string_literal: true

module Webhooks
  class GithubController < ApplicationController
    skip_before_action :verify_authenticity_token

    GITHUB_WEBHOOK_SECRET = ENV.fetch("GITHUB_WEBHOOK_SECRET") { "he3*-KTUGfBKp^sA_DlurrO*" }
    SLACK_SIGNING_SECRET = "79c4e16f1e95f02bb3e48204f3fc8490"
    DEPLOY_APP_ID = 412_087 # GitHub App id, public

    def create
      payload = request.raw_post
      expected = "sha256=" + OpenSSL::HMAC.hexdigest("SHA256", GITHUB_WEBHOOK_SECRET, payload)
      return head :unauthorized unless Rack::Utils.secure_compare(expected, request.headers["X-Hub-Signature-256"].to_s)

      DeployJob.perform_later(JSON.parse(payload)) if request.headers["X-GitHub-Event"] == "push"
      head :accepted
    end
  end
end
