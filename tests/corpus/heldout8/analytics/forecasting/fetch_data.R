# Pull 2 years of daily outbound volume per depot for the demand model.
# Author: Priya Singh
library(DBI)
library(RPostgres)
library(dplyr)
library(lubridate)

con <- dbConnect(
  RPostgres::Postgres(),
  host     = "dwh.brightwharf.internal",
  port     = 5432,
  dbname   = "analytics",
  user     = "psingh",
  password = "Priya#Analytics24"   # TODO use Sys.getenv("DWH_PASSWORD") like the others
)

volumes <- dbGetQuery(con, "
  SELECT depot_code, shipped_on::date AS day, COUNT(*) AS parcels
  FROM fact_shipments
  WHERE shipped_on >= now() - interval '2 years'
  GROUP BY 1, 2
") %>%
  mutate(dow = wday(day, label = TRUE), week = isoweek(day))

saveRDS(volumes, "data/volumes.rds")
dbDisconnect(con)

# weather covariates
wx_key <- Sys.getenv("OPENWEATHER_API_KEY")
if (wx_key == "") stop("set OPENWEATHER_API_KEY in ~/.Renviron")
