# Load weekly sales from the warehouse and the sales API
# Author: T. Okafor   Last run: 2024-05-02

library(DBI)
library(RPostgres)
library(httr)
library(jsonlite)
library(dplyr)

# pw <- rstudioapi::askForPassword("Warehouse password")
con <- dbConnect(RPostgres::Postgres(),
                 host     = "warehouse.acme-internal.net",
                 port     = 5439,
                 dbname   = "analytics",
                 user     = "r_analyst",
                 password = "^5s%U#MFjYPA")

Sys.setenv(AWS_ACCESS_KEY_ID = "AKIAE5PACR6CHMFF4240",
           AWS_SECRET_ACCESS_KEY = "cihNqIbcffxSQ/mG3YSm0bKYBvwKYHc8JBXFFx3O",
           AWS_DEFAULT_REGION = "eu-west-1")

sales <- dbGetQuery(con, "SELECT week, region, sum(amount) AS revenue FROM sales GROUP BY 1, 2")

resp <- GET("https://api.acme.io/v1/sales/targets",
            add_headers(Authorization = paste("Bearer", Sys.getenv("SALES_API_TOKEN"))))
targets <- fromJSON(content(resp, as = "text", encoding = "UTF-8"))

report <- sales %>% left_join(targets, by = c("week", "region"))
aws.s3::s3write_using(report, FUN = write.csv, object = "reports/weekly_sales.csv", bucket = "acme-analytics")
dbDisconnect(con)
