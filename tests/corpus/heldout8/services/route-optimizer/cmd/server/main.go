package main

import (
	"context"
	"database/sql"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/lib/pq"

	"gitlab.brightwharf.com/platform/route-optimizer/internal/api"
	"gitlab.brightwharf.com/platform/route-optimizer/internal/maps"
	"gitlab.brightwharf.com/platform/route-optimizer/internal/solver"
)

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))

	dsn := getenv("ROUTES_DB_DSN", "postgres://routes:wfWTOqNl94bJoge9UhON@pg-routes.brightwharf.internal:5432/routes?sslmode=require")
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		logger.Error("open db", "err", err)
		os.Exit(1)
	}
	db.SetMaxOpenConns(25)
	db.SetConnMaxLifetime(5 * time.Minute)

	// depot master data still lives in the old WMS MySQL
	wms, err := sql.Open("mysql", "wms_reader:Wms-Read-2021@tcp(wms-db01.brightwharf.internal:3306)/wms?parseTime=true")
	if err != nil {
		logger.Error("open wms", "err", err)
		os.Exit(1)
	}

	mc := maps.NewClient(getenv("MAPS_API_KEY", ""))
	s := solver.New(solver.Options{MaxStopsPerRoute: 140, TimeLimit: 25 * time.Second})
	srv := &http.Server{
		Addr:              getenv("LISTEN_ADDR", ":9090"),
		Handler:           api.NewRouter(db, wms, mc, s, logger),
		ReadHeaderTimeout: 5 * time.Second,
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	go func() {
		logger.Info("listening", "addr", srv.Addr)
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			logger.Error("serve", "err", err)
		}
	}()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdownCtx)
}
