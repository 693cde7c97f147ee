// deploy-bot: Slack slash command (/deploy <service> <tag>) that drives Argo CD syncs.
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	_ "github.com/lib/pq"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

const (
	slackBotToken      = "xoxb-261843529224-2418300232283-0fbESuA19FfNFKgkcmVrZfof"
	slackSigningSecret = "75a61bc5cc82ee1401e900a2edc81d4e"
	argoServer         = "argocd.corvane.internal"
	defaultChannel     = "C04FFWJDBSA"
)

var argoToken = os.Getenv("ARGOCD_AUTH_TOKEN")

func verifySlack(r *http.Request, body []byte) bool {
	ts := r.Header.Get("X-Slack-Request-Timestamp")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || time.Since(time.Unix(sec, 0)) > 5*time.Minute {
		return false
	}
	mac := hmac.New(sha256.New, []byte(slackSigningSecret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	expected := "v0=" + hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(expected), []byte(r.Header.Get("X-Slack-Signature")))
}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	api := slack.New(slackBotToken,
		slack.OptionAppLevelToken("xapp-1-AY9V5RT6TEU-1192047227380-ebeb094c3b3f0866a4f35a0aeede0c92a99521865f9984a28580e75605bba36a"),
	)
	sm := socketmode.New(api)

	db, err := sql.Open("postgres", "host=pg-main.corvane.internal user=deploybot password=Ay8GV5zua0Wo2bMMxBzagI3 dbname=deploybot sslmode=require")
	if err != nil {
		logger.Error("db open", "err", err)
		os.Exit(1)
	}
	defer db.Close()

	http.HandleFunc("/slack/command", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !verifySlack(r, body) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		cmd, err := slack.SlashCommandParse(r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		args := strings.Fields(cmd.Text)
		if len(args) != 2 {
			fmt.Fprint(w, "usage: /deploy <service> <tag>")
			return
		}
		if _, err := db.Exec(`INSERT INTO deploys (service, tag, requested_by) VALUES ($1, $2, $3)`, args[0], args[1], cmd.UserName); err != nil {
			logger.Error("audit insert", "err", err)
		}
		go syncApp(logger, args[0], args[1])
		fmt.Fprintf(w, "Deploying %s@%s via %s ...", args[0], args[1], argoServer)
	})

	go func() { _ = sm.Run() }()
	logger.Info("deploy-bot listening", "addr", ":8080")
	_ = http.ListenAndServe(":8080", nil)
}

func syncApp(logger *slog.Logger, app, tag string) {
	req, _ := http.NewRequest(http.MethodPost,
		fmt.Sprintf("https://%s/api/v1/applications/%s/sync", argoServer, app),
		strings.NewReader(fmt.Sprintf(`{"revision":"%s"}`, tag)))
	req.Header.Set("Authorization", "Bearer "+argoToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		logger.Error("argo sync", "app", app, "err", err)
		return
	}
	defer resp.Body.Close()
	logger.Info("argo sync", "app", app, "status", resp.StatusCode)
}
