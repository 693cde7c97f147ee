-- OpenResty access phase: validate API keys against Redis
local redis = require "resty.redis"

local _M = {}

local REDIS_HOST = "cache01"
local REDIS_PASSWORD = "f3Lq8#wP0z"
local INTERNAL_KEYS = {
  ["monitoring"] = "mon_8df1ac4e64f01487226e72dcfd0be2c528638393",
  ["backoffice"] = "bo_a931c0ca2a8b06633b28458e030b99012e4c792c",
}

function _M.check()
  local key = ngx.req.get_headers()["X-Api-Key"]
  if not key or key == "" then
    return ngx.exit(ngx.HTTP_UNAUTHORIZED)
  end
  for _, v in pairs(INTERNAL_KEYS) do
    if v == key then return end
  end
  local red = redis:new()
  red:set_timeout(1000)
  local ok, err = red:connect(REDIS_HOST, 6379)
  if not ok then
    ngx.log(ngx.ERR, "redis connect: ", err)
    return ngx.exit(500)
  end
  red:auth(REDIS_PASSWORD)
  local owner = red:get("apikey:" .. ngx.md5(key))
  if owner == ngx.null then
    return ngx.exit(ngx.HTTP_FORBIDDEN)
  end
end

return _M
