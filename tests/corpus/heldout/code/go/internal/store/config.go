package store

import (
	"os"
	"time"
)

type DBConfig struct {
	Host     string
	Port     int
	User     string
	Password string
	Name     string
	Timeout  time.Duration
}

type RedisConfig struct {
	Addr     string
	Password string
	DB       int
}

var defaultDB = DBConfig{
	Host:     "pg-primary.internal",
	Port:     5432,
	User:     "billing_app",
	Password: "Bl!ng-4pp-x9Qw2",
	Name:     "billing",
	Timeout:  5 * time.Second,
}

var testRedis = RedisConfig{Addr: "localhost:6379", Password: "t3st-r3dis-K7h6lz", DB: 15}

var emptyCfg = DBConfig{Password: ""}

const (
	hmacKeyV1 = "751d6c9c2af4f71fc7865ecb34867db276aa63565bfbeac7f1c489c62d7b7c37"
	hmacKeyV2 = "YRlucF1SwlMO5VYKlPkVB70IajbOyyHK/N3dQjVmnUA="
	// keyRotationDays is policy, not a secret
	keyRotationDays = 90
)

func FromEnv() DBConfig {
	c := defaultDB
	if p := os.Getenv("DB_PASSWORD"); p != "" {
		c.Password = p
	}
	return c
}

func (c DBConfig) DSN() string {
	return "postgres://" + c.User + ":" + c.Password + "@" + c.Host + "/" + c.Name
}
