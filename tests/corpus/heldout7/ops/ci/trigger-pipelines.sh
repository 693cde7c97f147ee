#!/bin/sh
# trigger-pipelines.sh <branch>
# Triggers the downstream builds after a shared-lib release:
#   - CircleCI (mobile app), Bitbucket Pipelines (agency site), Jenkins (claims)
BRANCH=${1:-main}

CIRCLE_TOKEN="CCIPAT_LFQ24Ekuletzh6Rwyurt70_ff25478c916247de44526daa5dab79b9c8df08b6"
curl -fsS -X POST "https://circleci.com/api/v2/project/gh/aurelis-digital/customer-app-mobile/pipeline" \
  -H "Circle-Token: ${CIRCLE_TOKEN}" -H "Content-Type: application/json" \
  -d "{\"branch\":\"${BRANCH}\"}"

# Bitbucket app password of the agency account (repo:write, pipeline:write)
curl -fsS -X POST -u "aurelis-ci:ATBBejXQxYOGIYW12dF3KtSHj9Hb94C3A27C" \
  "https://api.bitbucket.org/2.0/repositories/aurelis-agency/brokernews-theme/pipelines/" \
  -H "Content-Type: application/json" \
  -d "{\"target\":{\"ref_type\":\"branch\",\"type\":\"pipeline_ref_target\",\"ref_name\":\"${BRANCH}\"}}"

# Jenkins: user API token of svc-trigger
curl -fsS -X POST -u "svc-trigger:11ac82f2033c474918806960b0675f11cb" \
  "https://jenkins.corp.aurelis.local/job/claims/job/claims-core/job/${BRANCH}/buildWithParameters?TRIGGERED_BY=shared-lib"
