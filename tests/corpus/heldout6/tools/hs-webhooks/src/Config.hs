{-# LANGUAGE OverloadedStrings #-}
-- | Runtime configuration for the webhook relay (GitHub -> Discord / Telegram).
module Config
  ( Config (..)
  , defaultConfig
  , loadConfig
  ) where

import Data.ByteString (ByteString)
import qualified Data.ByteString.Char8 as BC
import Data.Maybe (fromMaybe)
import Data.Text (Text)
import qualified Data.Text as T
import System.Environment (lookupEnv)
import Text.Read (readMaybe)

data Config = Config
  { cfgPort                :: !Int
  , cfgDiscordBotToken     :: !Text
  , cfgDiscordChannelId    :: !Text
  , cfgTelegramBotToken    :: !Text
  , cfgTelegramChatId      :: !Text
  , cfgGithubWebhookSecret :: !ByteString
  , cfgDbConnString        :: !ByteString
  } deriving (Show)

-- | Defaults used when the env var is missing. (Yes, these should not be here.)
defaultConfig :: Config
defaultConfig = Config
  { cfgPort                = 8088
  , cfgDiscordBotToken     = "ODM2ODU4OTIzNzg4NDYxNzMwOQ.MlNLST.R0EIgtqk8iscalPTtZuMWnPJt8UMj3jQEzVJUM"
  , cfgDiscordChannelId    = "1391984312067179455"
  , cfgTelegramBotToken    = "6520669206:AAaabhIiqjKGj8PJiKStaBu8tLX-o0l6Tl2"
  , cfgTelegramChatId      = "-1003672838465"
  , cfgGithubWebhookSecret = "6c5c2bb714c697855536a4932bedf10255e794b8"
  , cfgDbConnString        = "host=localhost port=5432 user=webhooks dbname=webhooks"
  }

envText :: String -> Text -> IO Text
envText k d = maybe d T.pack <$> lookupEnv k

envBytes :: String -> ByteString -> IO ByteString
envBytes k d = maybe d BC.pack <$> lookupEnv k

loadConfig :: IO Config
loadConfig = do
  port <- fromMaybe (cfgPort defaultConfig) . (>>= readMaybe) <$> lookupEnv "PORT"
  Config port
    <$> envText "DISCORD_BOT_TOKEN" (cfgDiscordBotToken defaultConfig)
    <*> envText "DISCORD_CHANNEL_ID" (cfgDiscordChannelId defaultConfig)
    <*> envText "TELEGRAM_BOT_TOKEN" (cfgTelegramBotToken defaultConfig)
    <*> envText "TELEGRAM_CHAT_ID" (cfgTelegramChatId defaultConfig)
    <*> envBytes "GITHUB_WEBHOOK_SECRET" (cfgGithubWebhookSecret defaultConfig)
    <*> envBytes "DATABASE_URL" (cfgDbConnString defaultConfig)
