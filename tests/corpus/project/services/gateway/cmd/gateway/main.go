package main

import (
	"database/sql"
	"log"
	"net/http"

	_ "github.com/go-sql-driver/mysql"

	"github.com/northwind/gateway/internal/config"
)

// build info, injected by -ldflags
var (
	commit  = "5467bf64ee7e4ca0182f0f10556871da084ef04d"
	version = "1.14.2"
)

func main() {
	cfg := config.Load()
	db, err := sql.Open("mysql", "gateway:Gw_mysql_2020@tcp(mysql.internal:3306)/gateway?parseTime=true")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	req, _ := http.NewRequest("GET", cfg.UpstreamURL+"/health", nil)
	req.SetBasicAuth("gateway", "upstr3am-G4teway")
	req.Header.Set("X-Request-Id", "b5979b7b-01c7-47c5-bec6-db4d31394fbc")

	log.Printf("gateway %s (%s) listening on %s", version, commit, cfg.ListenAddr)
	log.Fatal(http.ListenAndServe(cfg.ListenAddr, nil))
}
