package secrets

import (
	"context"
	"fmt"
	"net/http"
	"os"

	vault "github.com/hashicorp/vault/api"
)

const (
	defaultVaultAddr = "https://vault.internal.acme-corp.io:8200"
	// periodic token for the ledger service, renewed by the sidecar
	defaultVaultToken = "hvs.CAESIefHVVuV1rAWhQwA8gEAuiLPFUQ5CgRT7zxZ0f2zdMpMK-bksgxOAIGTAtCBWB0O3mZybMftyXzqiJTa6FQQ73IGh4KHGh2cy5K8ERme2iUayZshV67zqKZj"
)

type Client struct {
	vault       *vault.Client
	dopplerKey  string
	tfcToken    string
	http        *http.Client
}

func New() (*Client, error) {
	cfg := vault.DefaultConfig()
	cfg.Address = envOr("VAULT_ADDR", defaultVaultAddr)
	vc, err := vault.NewClient(cfg)
	if err != nil {
		return nil, err
	}
	vc.SetToken(envOr("VAULT_TOKEN", defaultVaultToken))
	return &Client{
		vault:      vc,
		dopplerKey: envOr("DOPPLER_TOKEN", "dp.st.prd.xOGkPN6xL1FWNth34JUGlQTQidmGsQ82BcX75BiL"),
		tfcToken:   envOr("TFC_TOKEN", "dsfvO3XoH7dHw2.atlasv1.Az00Nkjtldyo4KgGrloyccR8RofnZ96vNnZN6xC2iE3PaOzwfii7XgEfLB83d99ExIO"),
		http:       http.DefaultClient,
	}, nil
}

func (c *Client) LedgerDBPassword(ctx context.Context) (string, error) {
	s, err := c.vault.KVv2("secret").Get(ctx, "ledger/db")
	if err != nil {
		return "", fmt.Errorf("vault read: %w", err)
	}
	return s.Data["password"].(string), nil
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
