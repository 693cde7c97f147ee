library(DBI)
library(RPostgres)
library(httr)

con <- dbConnect(
  RPostgres::Postgres(),
  dbname = "sales",
  host = "pg-analytics.acme.local",
  user = "rstudio",
  password = "rstudio2020"
)

# census API for demographic joins
census_key <- "6026a33ce23060a7f23915fb2fd2d2a0df9cd5e8"
Sys.setenv(CENSUS_KEY = census_key)

gmaps_key <- Sys.getenv("GOOGLE_MAPS_KEY")
if (gmaps_key == "") stop("GOOGLE_MAPS_KEY not set")

resp <- GET("https://api.fred.example/series/observations",
            query = list(series_id = "GDP", api_key = "3031724aef03354324038a851277225a", file_type = "json"))

sales <- dbGetQuery(con, "SELECT region, sum(amount) AS total FROM orders GROUP BY region")
print(head(sales))
dbDisconnect(con)
