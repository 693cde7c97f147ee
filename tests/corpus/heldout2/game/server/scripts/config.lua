-- Server configuration for the matchmaking node
local config = {}

config.redis = {
  host = "10.0.3.12",
  port = 6379,
  password = "xDdzzYBdKpMG6MSEaA0B",
}

config.mysql = {
  host = "10.0.3.20",
  user = "game",
  password = "gameserver1",
  database = "matchmaking",
}

config.steam_web_api_key = "28CA1A92FEFB7AD55415EAC1A31036F4"
config.hmac_secret = "ZVifO9OPbiy4Iyl8nFWP9YINbXOZRFQY"

config.token_bucket = { capacity = 100, refill = 10 }
config.secret_word_list = { "apple", "banana", "cherry" }

function config.password_ok(pw)
  return pw ~= nil and #pw >= 8
end

return config
