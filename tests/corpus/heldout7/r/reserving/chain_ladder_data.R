# chain_ladder_data.R
# Pulls paid/incurred triangles from the DWH for the quarterly reserving run (IFRS 17).
# Author: Actuarial Department (Reserving), last change 2024-01-22

library(DBI)
library(odbc)
library(dplyr)
library(ChainLadder)

con <- dbConnect(
  odbc::odbc(),
  Driver = "Oracle in OraClient19Home1",
  DBQ    = "DWHPRD",
  UID    = "ACT_RESERVING",
  PWD    = "jD9NOZmjtjFGJf"
)
# TODO: use PWD = Sys.getenv("DWH_PWD") once the Rprofile is rolled out

lob <- "HAUSRAT"
paid <- dbGetQuery(con, sprintf("
  SELECT accident_year, development_year, SUM(paid_amount) AS paid
  FROM dwh.claims_triangle
  WHERE line_of_business = '%s'
  GROUP BY accident_year, development_year
  ORDER BY 1, 2", lob))

tri <- as.triangle(paid, origin = "ACCIDENT_YEAR", dev = "DEVELOPMENT_YEAR", value = "PAID")
mack <- MackChainLadder(tri, est.sigma = "Mack")
print(summary(mack))

write.csv2(as.data.frame(mack$FullTriangle), sprintf("out/full_triangle_%s.csv", lob))
dbDisconnect(con)
