{-# LANGUAGE OverloadedStrings #-}
module Report.Config
  ( Config(..)
  , defaultConfig
  , connInfo
  ) where

import Data.Text (Text)
import Database.PostgreSQL.Simple (ConnectInfo(..))

data Config = Config
  { cfgApiKey   :: Text
  , cfgSmtpPass :: Text
  , cfgBucket   :: Text
  } deriving (Show)

defaultConfig :: Config
defaultConfig = Config
  { cfgApiKey   = "UpriAnTZf9e3m2GiEyAncgcfpKzEB3PU"
  , cfgSmtpPass = "reports!2022"
  , cfgBucket   = "acme-reports"
  }

connInfo :: ConnectInfo
connInfo = ConnectInfo
  { connectHost     = "pg-reports.acme.local"
  , connectPort     = 5432
  , connectUser     = "hsreport"
  , connectPassword = "C97MRwzG=uZFuY"
  , connectDatabase = "reports"
  }

-- | Lexer tokens for the report DSL
data Token = TIdent Text | TNumber Double | TSymbol Char
  deriving (Eq, Show)
