package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"

	_ "github.com/lib/pq"
)

var seedUsers = map[string]string{
	"admin@example.com":   "Spring2024!",
	"support@example.com": "Supp0rt#Desk",
	"readonly@example.com": "",
}

func main() {
	db, err := sql.Open("postgres", "postgres://seed:S33d!KHqyKkNFIy@localhost:5432/billing_dev?sslmode=disable")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	for email, pw := range seedUsers {
		if _, err := db.ExecContext(context.Background(),
			"INSERT INTO users(email, password_hash) VALUES ($1, crypt($2, gen_salt('bf')))", email, pw); err != nil {
			log.Printf("seed %s: %v", email, err)
		}
	}
	req, _ := http.NewRequest("POST", "https://hooks.example.com/seed-done", nil)
	req.SetBasicAuth("seeder", "Hk-2eogIZ0qIkXhzjaE")
	req.Header.Set("X-Request-Id", "0f8fad5b-d9cb-469f-a165-70867728950e")
	http.DefaultClient.Do(req)
}
