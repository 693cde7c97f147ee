# Monthly installer KPI report -> PDF, mailed to sales-ops on the 2nd of the month.
# Run: Rscript reports/installer_kpis.R 2024-03

suppressPackageStartupMessages({
  library(DBI)
  library(RPostgres)
  library(dplyr)
  library(ggplot2)
  library(httr)
  library(blastula)
  library(rmarkdown)
})

args <- commandArgs(trailingOnly = TRUE)
month <- if (length(args) > 0) args[[1]] else format(Sys.Date() - 31, "%Y-%m")

con <- dbConnect(
  RPostgres::Postgres(),
  dbname   = "warehouse",
  host     = "warehouse-ro.corvane.internal",
  port     = 5432,
  user     = "r_reports",
  password = "Orbit2023!"
)
on.exit(dbDisconnect(con), add = TRUE)

installs <- dbGetQuery(con, "
  SELECT installer_id, installer_name, count(*) AS installs,
         avg(extract(epoch FROM (activated_at - installed_at)) / 3600) AS hours_to_activation,
         sum(CASE WHEN first_rma_at IS NOT NULL THEN 1 ELSE 0 END) AS rmas
  FROM marts.fct_installations
  WHERE to_char(installed_at, 'YYYY-MM') = $1
  GROUP BY 1, 2", params = list(month))

# Installer contact details live in HubSpot
hubspot <- GET(
  "https://api.hubapi.com/crm/v3/objects/companies",
  query = list(limit = 100, properties = "name,installer_id,owner_email"),
  add_headers(Authorization = paste("Bearer", "pat-eu1-4f25739a-0b8a-4b0d-b272-3b026ed32d27"))
)
stop_for_status(hubspot)
companies <- bind_rows(lapply(content(hubspot)$results, function(x) as.data.frame(x$properties)))

report <- installs %>%
  left_join(companies, by = "installer_id") %>%
  mutate(rma_rate = rmas / installs) %>%
  arrange(desc(installs))

p <- ggplot(report, aes(x = reorder(installer_name, installs), y = installs)) +
  geom_col() + coord_flip() + labs(x = NULL, y = "Installs", title = paste("Installs per installer,", month))

render("reports/installer_kpis.Rmd", params = list(data = report, plot = p, month = month),
       output_file = sprintf("installer_kpis_%s.pdf", month))

smtp_send(
  compose_email(body = md(sprintf("Installer KPIs for **%s** attached.", month))) %>%
    add_attachment(sprintf("reports/installer_kpis_%s.pdf", month)),
  to = "sales-ops@corvane.com", from = "reports@corvane.com",
  subject = sprintf("Installer KPIs %s", month),
  credentials = creds_envvar(user = "reports@corvane.com", pass_envvar = "SMTP_PASSWORD",
                             host = "smtp.office365.com", port = 587, use_ssl = TRUE)
)
