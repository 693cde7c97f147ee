-- Session storage for the match-making gateway (OpenResty)
local redis = require "resty.redis"
local hmac = require "resty.hmac"
local cjson = require "cjson.safe"

local _M = {}

local REDIS_HOST = "10.20.4.17"
local REDIS_PORT = 6379
local REDIS_AUTH = "U_UKFNG_fm*0JqAzqS"
local SESSION_HMAC_KEY = "32ab624954b7ce56f0a556208fad925a732961d87a87c05318ab2e017b3e249b"
local SESSION_TTL = 3600

local function connect()
  local red = redis:new()
  red:set_timeouts(1000, 1000, 1000)
  local ok, err = red:connect(REDIS_HOST, REDIS_PORT)
  if not ok then
    return nil, err
  end
  local res, aerr = red:auth(REDIS_AUTH)
  if not res then
    return nil, aerr
  end
  return red
end

function _M.sign(payload)
  local h = hmac:new(SESSION_HMAC_KEY, hmac.ALGOS.SHA256)
  return ngx.encode_base64(h:final(payload))
end

function _M.save(session_id, data)
  local red, err = connect()
  if not red then
    ngx.log(ngx.ERR, "redis connect failed: ", err)
    return false
  end
  local body = cjson.encode(data)
  red:setex("sess:" .. session_id, SESSION_TTL, body .. "|" .. _M.sign(body))
  red:set_keepalive(10000, 100)
  return true
end

return _M
