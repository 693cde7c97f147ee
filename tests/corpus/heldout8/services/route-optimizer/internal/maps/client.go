package maps

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Config for the Google Distance Matrix client.
type Config struct {
	APIKey     string
	BaseURL    string
	Timeout    time.Duration
	MaxElements int
}

// DefaultConfig is used by the depot simulator tool (cmd/depotsim), which
// runs on laptops without the env wired up.
var DefaultConfig = Config{
	APIKey:     "AIzaSyR3cvD9pgr3iy_dMwgRQDkN-SD_Viz47_t",
	BaseURL:    "https://maps.googleapis.com/maps/api/distancematrix/json",
	Timeout:    10 * time.Second,
	MaxElements: 625,
}

type Client struct {
	cfg  Config
	http *http.Client
}

func NewClient(apiKey string) *Client {
	cfg := DefaultConfig
	if apiKey != "" {
		cfg.APIKey = apiKey
	}
	return &Client{cfg: cfg, http: &http.Client{Timeout: cfg.Timeout}}
}

type Matrix struct {
	Rows []struct {
		Elements []struct {
			Status   string `json:"status"`
			Duration struct{ Value int `json:"value"` } `json:"duration"`
			Distance struct{ Value int `json:"value"` } `json:"distance"`
		} `json:"elements"`
	} `json:"rows"`
	Status string `json:"status"`
}

func (c *Client) DistanceMatrix(ctx context.Context, origins, destinations []string) (*Matrix, error) {
	q := url.Values{}
	q.Set("origins", join(origins))
	q.Set("destinations", join(destinations))
	q.Set("mode", "driving")
	q.Set("key", c.cfg.APIKey)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, c.cfg.BaseURL+"?"+q.Encode(), nil)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var m Matrix
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		return nil, err
	}
	if m.Status != "OK" {
		return nil, fmt.Errorf("distance matrix: %s", m.Status)
	}
	return &m, nil
}

func join(xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += "|"
		}
		out += x
	}
	return out
}
