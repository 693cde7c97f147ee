-- debug_console.lua
-- In-game developer console commands for Driftlight dedicated servers.
-- Loaded by the Wick runtime when the server is started with -devconsole.

local console = require("wick.console")
local net = require("wick.net")
local log = require("wick.log")

local M = {}

-- Remote admins authenticate with this before they can run privileged commands.
-- (Public playtest servers override it through server.cfg -> admin_password.)
local ADMIN_PASSWORD = os.getenv("LF_ADMIN_PASSWORD")
if not ADMIN_PASSWORD or ADMIN_PASSWORD == "" then
  log.warn("LF_ADMIN_PASSWORD not set - admin commands disabled")
end

local authed = {}

local function require_admin(client)
  if not authed[client.id] then
    console.reply(client, "permission denied - use 'login <password>' first")
    return false
  end
  return true
end

console.register("login", function(client, args)
  if ADMIN_PASSWORD and args[1] == ADMIN_PASSWORD then
    authed[client.id] = true
    log.info("admin login from %s", client.address)
    console.reply(client, "ok")
  else
    log.warn("failed admin login from %s", client.address)
    console.reply(client, "nope")
  end
end)

console.register("kick", function(client, args)
  if not require_admin(client) then return end
  net.kick(tonumber(args[1]), args[2] or "kicked by admin")
end)

console.register("changelevel", function(client, args)
  if not require_admin(client) then return end
  net.broadcast("changelevel", args[1])
end)

console.register("status", function(client)
  for _, p in ipairs(net.players()) do
    console.reply(client, string.format("%3d %-24s %5dms", p.id, p.name, p.ping))
  end
end)

return M
