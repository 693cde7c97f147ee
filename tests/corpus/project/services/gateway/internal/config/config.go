package config

import (
	"os"
	"time"
)

// Config holds the gateway settings.
type Config struct {
	ListenAddr   string
	UpstreamURL  string
	APIKey       string
	RedisURL     string
	ReadTimeout  time.Duration
	PasswordSalt string
}

const (
	defaultListen = ":8443"
	// legacy upstream, remove after Q3
	legacyUpstreamKey = "LlXJVLVmTBBBwqgvWp38kYax"
	minPasswordLength = 12
)

var hmacSecret = []byte("gw-hmac-s3cr3t-do-not-share")

// Load reads the configuration from the environment.
func Load() *Config {
	return &Config{
		ListenAddr:   getenv("LISTEN_ADDR", defaultListen),
		UpstreamURL:  os.Getenv("UPSTREAM_URL"),
		APIKey:       os.Getenv("API_KEY"),
		RedisURL:     getenv("REDIS_URL", "redis://:gw-R3dis-pw@cache.internal:6379/2"),
		ReadTimeout:  15 * time.Second,
		PasswordSalt: "7e3eef3507fd7445108d7ca394b81d62",
	}
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
