package config

import (
	"os"
	"strconv"
	"time"
)

// Config holds runtime configuration for the payout service.
type Config struct {
	ListenAddr      string
	DatabaseURL     string
	GoCardlessToken string
	GoCardlessEnv   string
	WebhookSecret   string
	MaxBatchSize    int
	PayoutCutoff    time.Duration
}

// defaults are for local development only - overridden by env vars in k8s
var defaults = Config{
	ListenAddr:      ":8080",
	DatabaseURL:     "postgres://payout:lIPbtXr52mR0xKCNgH@pg-payout-dev.corp.aurelis.local:5432/payout?sslmode=disable",
	GoCardlessToken: "sandbox_4qAxJHLomBaNo_x9sa_3CXL-UZrNF-cExZexLerE",
	GoCardlessEnv:   "sandbox",
	WebhookSecret:   "",
	MaxBatchSize:    500,
	PayoutCutoff:    14 * time.Hour,
}

// Load returns the configuration, applying environment overrides.
func Load() Config {
	c := defaults
	if v := os.Getenv("PAYOUT_LISTEN_ADDR"); v != "" {
		c.ListenAddr = v
	}
	if v := os.Getenv("PAYOUT_DATABASE_URL"); v != "" {
		c.DatabaseURL = v
	}
	if v := os.Getenv("GOCARDLESS_ACCESS_TOKEN"); v != "" {
		c.GoCardlessToken = v
	}
	if v := os.Getenv("GOCARDLESS_ENVIRONMENT"); v != "" {
		c.GoCardlessEnv = v
	}
	if v := os.Getenv("GOCARDLESS_WEBHOOK_SECRET"); v != "" {
		c.WebhookSecret = v
	}
	if v, err := strconv.Atoi(os.Getenv("PAYOUT_MAX_BATCH")); err == nil && v > 0 {
		c.MaxBatchSize = v
	}
	return c
}
