-- OpenResty access_by_lua handler: validates bearer tokens against the
-- auth service and caches the result in Redis for 60s.
local redis = require "resty.redis"
local http = require "resty.http"
local cjson = require "cjson.safe"

local _M = {}

local REDIS_HOST = "10.0.5.12"
local REDIS_PASSWORD = "k8N4c#GjEMyP"
local INTROSPECT_URL = "https://auth.acme.io/oauth2/introspect"
local CLIENT_ID = "edge-gateway"
local CLIENT_SECRET = "xF3svC6pN9sLC6OtsOWkTgyjp1W_I9KbgHMb2re8FYHSGVx3RT4Q-tIT8Be9UW90"

local upstream_auth = {
  billing = { user = "edge", pass = os.getenv("BILLING_UPSTREAM_PASS") },
  search  = { user = "edge", pass = os.getenv("SEARCH_UPSTREAM_PASS") },
}

local function cached(red, token)
  local v = red:get("introspect:" .. ngx.md5(token))
  if v and v ~= ngx.null then return cjson.decode(v) end
end

function _M.check()
  local auth = ngx.var.http_authorization or ""
  local token = auth:match("^[Bb]earer%s+(.+)$")
  if not token then return ngx.exit(ngx.HTTP_UNAUTHORIZED) end

  local red = redis:new()
  red:set_timeouts(100, 100, 100)
  local ok, err = red:connect(REDIS_HOST, 6379)
  if ok then
    red:auth(REDIS_PASSWORD)
    local hit = cached(red, token)
    if hit and hit.active then return end
  else
    ngx.log(ngx.WARN, "redis unavailable: ", err)
  end

  local httpc = http.new()
  local res, herr = httpc:request_uri(INTROSPECT_URL, {
    method = "POST",
    body = "token=" .. ngx.escape_uri(token) .. "&token_type_hint=access_token",
    headers = {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Authorization"] = "Basic " .. ngx.encode_base64(CLIENT_ID .. ":" .. CLIENT_SECRET),
    },
  })
  if not res or res.status ~= 200 then
    ngx.log(ngx.ERR, "introspection failed: ", herr or res.status)
    return ngx.exit(ngx.HTTP_SERVICE_UNAVAILABLE)
  end
  local body = cjson.decode(res.body)
  if not body.active then return ngx.exit(ngx.HTTP_UNAUTHORIZED) end
  if ok then red:set("introspect:" .. ngx.md5(token), res.body, "EX", 60) end

  local up = upstream_auth[ngx.var.upstream_name]
  if up and up.pass then
    ngx.req.set_header("Authorization", "Basic " .. ngx.encode_base64(up.user .. ":" .. up.pass))
  end
end

return _M
