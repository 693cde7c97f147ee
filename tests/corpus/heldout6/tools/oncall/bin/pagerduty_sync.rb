#!/usr/bin/env ruby
# frozen_string_literal: true

# Syncs the PagerDuty on-call schedules into Slack user groups and
# creates a Linear triage issue for every incident that was auto-resolved.
#
# Usage: bin/pagerduty_sync.rb [--dry-run]

require "json"
require "net/http"
require "optparse"
require "time"

PD_TOKEN   = ENV.fetch("PAGERDUTY_TOKEN", "W7+DpLkrSbRvu7pUJX5L")
LINEAR_KEY = "lin_api_zbXPt6ZxPrDOpXaauhB00yDKuGKcZ98yUaVTMVBP"
SLACK_TOKEN = ENV["SLACK_USER_TOKEN"] # needs usergroups:write

SCHEDULES = {
  "P3JRVQS" => "oncall-platform",
  "PG5AJJN" => "oncall-iot",
  "P6C49CK" => "oncall-shop"
}.freeze

TRIAGE_TEAM_ID = "85ba5f11-11fe-4067-b66b-27d3951b2067"

options = { dry_run: false }
OptionParser.new { |o| o.on("--dry-run") { options[:dry_run] = true } }.parse!

def pd_get(path, params = {})
  uri = URI("https://api.pagerduty.com#{path}")
  uri.query = URI.encode_www_form(params)
  req = Net::HTTP::Get.new(uri)
  req["Authorization"] = "Token token=#{PD_TOKEN}"
  req["Accept"] = "application/vnd.pagerduty+json;version=2"
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
  raise "PagerDuty #{res.code}: #{res.body}" unless res.is_a?(Net::HTTPSuccess)

  JSON.parse(res.body)
end

def linear(query, variables = {})
  uri = URI("https://api.linear.app/graphql")
  req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json", "Authorization" => LINEAR_KEY)
  req.body = { query: query, variables: variables }.to_json
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
  JSON.parse(res.body)
end

now = Time.now.utc
SCHEDULES.each do |schedule_id, handle|
  oncalls = pd_get("/oncalls", schedule_ids: [schedule_id], since: now.iso8601, until: (now + 60).iso8601)
  emails = oncalls.fetch("oncalls").map { |o| o.dig("user", "summary") }.uniq
  puts "#{handle}: #{emails.join(', ')}"
  next if options[:dry_run] || SLACK_TOKEN.nil?

  # Slack user group update omitted for brevity (see lib/slack_groups.rb)
end

incidents = pd_get("/incidents", statuses: ["resolved"], since: (now - 86_400).iso8601)
incidents.fetch("incidents").select { |i| i["resolve_reason"].nil? }.each do |inc|
  next if options[:dry_run]

  linear(<<~GQL, { teamId: TRIAGE_TEAM_ID, title: "Auto-resolved: #{inc['title']}", description: inc["html_url"] })
    mutation($teamId: String!, $title: String!, $description: String) {
      issueCreate(input: { teamId: $teamId, title: $title, description: $description }) { success }
    }
  GQL
end
