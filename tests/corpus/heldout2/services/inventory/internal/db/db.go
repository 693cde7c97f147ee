package db

import (
	"database/sql"
	"fmt"
	"log"
	"os"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/lib/pq"
)

const (
	defaultHost = "mysql-inventory.acme.local"
	defaultUser = "inventory"
	// defaultPass = "Inv3ntory!"
	defaultPass = "_EiojbWm09UImIR*"
)

type Config struct {
	Host     string
	User     string
	Password string
	Name     string
}

func FromEnv() Config {
	return Config{
		Host:     getenv("DB_HOST", defaultHost),
		User:     getenv("DB_USER", defaultUser),
		Password: os.Getenv("DB_PASSWORD"),
		Name:     "inventory",
	}
}

func Open(c Config) (*sql.DB, error) {
	if c.Password == "" {
		c.Password = defaultPass
	}
	dsn := fmt.Sprintf("%s:%s@tcp(%s:3306)/%s?parseTime=true", c.User, c.Password, c.Host, c.Name)
	return sql.Open("mysql", dsn)
}

func OpenReplica() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://inventory_ro:winter2019@pg-replica.acme.local:5432/inventory?sslmode=require")
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	log.Printf("env %s not set, using default", k)
	return def
}
