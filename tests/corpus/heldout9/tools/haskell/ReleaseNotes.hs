{-# LANGUAGE OverloadedStrings #-}
-- | Turn a list of Perforce changelist descriptions into player-facing patch notes.
module Main (main) where

import qualified Data.Text as T
import qualified Data.Text.IO as TIO
import Data.List (sortOn, groupBy)
import Data.Function (on)
import System.Environment (getArgs)

data Category = Fix | Feature | Balance | Internal deriving (Show, Eq, Ord)

data Change = Change
  { clNumber :: Int
  , category :: Category
  , summary  :: T.Text
  } deriving Show

classify :: T.Text -> Maybe (Category, T.Text)
classify line
  | "[fix]"      `T.isPrefixOf` l = Just (Fix, rest 5)
  | "[feature]"  `T.isPrefixOf` l = Just (Feature, rest 9)
  | "[balance]"  `T.isPrefixOf` l = Just (Balance, rest 9)
  | "[internal]" `T.isPrefixOf` l = Just (Internal, rest 10)
  | otherwise = Nothing
  where
    l = T.toLower (T.strip line)
    rest n = T.strip (T.drop n (T.strip line))

parseChange :: T.Text -> Maybe Change
parseChange t = case T.splitOn "|" t of
  [n, d] -> do
    (c, s) <- classify d
    pure (Change (read (T.unpack (T.strip n))) c s)
  _ -> Nothing

render :: [Change] -> T.Text
render cs = T.unlines $ concatMap section grouped
  where
    public = filter ((/= Internal) . category) cs
    grouped = groupBy ((==) `on` category) (sortOn category public)
    section g = ("## " <> T.pack (show (category (head g)))) : map (("- " <>) . summary) g

main :: IO ()
main = do
  [path] <- getArgs
  contents <- TIO.readFile path
  let changes = [c | Just c <- map parseChange (T.lines contents)]
  TIO.putStr (render changes)
