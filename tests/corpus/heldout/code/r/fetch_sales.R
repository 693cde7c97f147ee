library(DBI)
library(RPostgres)
library(httr)

# Sales dashboard data pull
con <- dbConnect(
  RPostgres::Postgres(),
  host = "dw.internal",
  dbname = "warehouse",
  user = "analyst",
  password = "An4lyst!R-KuO0XT"
)

sales <- dbGetQuery(con, "SELECT day, region, SUM(amount) AS total FROM sales GROUP BY 1, 2")
dbDisconnect(con)

# password <- rstudioapi::askForPassword("Database password")
hubspot_key <- "pat-eu1-3a408a84-47a6-2a2f-84a1-a708e7e68ada"
resp <- GET("https://api.hubapi.com/crm/v3/objects/deals",
            add_headers(Authorization = paste("Bearer", hubspot_key)))
deals <- content(resp)$results

write.csv(sales, "sales.csv", row.names = FALSE)
