package config

import (
	"os"
	"strconv"
	"time"
)

// Config holds runtime settings for the matchmaker. Values come from the environment;
// the defaults below are what the docker-compose dev stack uses.
type Config struct {
	ListenAddr      string
	RedisAddr       string
	RedisPassword   string
	RedisDB         int
	TicketTTL       time.Duration
	MaxPartySize    int
	SessionHMACKey  []byte
	AllocatorURL    string
	AllocatorAPIKey string
}

const (
	defaultRedisPassword = "FLx6NIv0eKRuYFNy5jJtyilbIkeZjoTe"
	defaultAllocatorAPIKey = "alloc_1PuvDe8XdS9arNLgFwhSa0YuFweu0F8kiwNMfqex"
	// Shared with the dedicated server fleet to sign session tickets.
	defaultSessionHMACKey = "0426bf8eaeb3598f03dfedfdf5995c410c8b217e593d7fab31408b5ab5bea79f"
)

func getenv(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}

func Load() *Config {
	db, _ := strconv.Atoi(getenv("MM_REDIS_DB", "2"))
	party, _ := strconv.Atoi(getenv("MM_MAX_PARTY", "4"))
	return &Config{
		ListenAddr:      getenv("MM_LISTEN", ":7777"),
		RedisAddr:       getenv("MM_REDIS_ADDR", "redis-mm.prod.lanternfall.internal:6379"),
		RedisPassword:   getenv("MM_REDIS_PASSWORD", defaultRedisPassword),
		RedisDB:         db,
		TicketTTL:       90 * time.Second,
		MaxPartySize:    party,
		SessionHMACKey:  []byte(getenv("MM_SESSION_KEY", defaultSessionHMACKey)),
		AllocatorURL:    getenv("MM_ALLOCATOR_URL", "http://fleet-allocator:8080"),
		AllocatorAPIKey: getenv("MM_ALLOCATOR_API_KEY", defaultAllocatorAPIKey),
	}
}
