package pagination

import (
	"encoding/base64"
	"encoding/json"
)

// Cursor is the opaque NextToken returned to API clients.
type Cursor struct {
	LastID    string `json:"last_id"`
	Direction string `json:"dir"`
}

// Page is one page of results.
type Page[T any] struct {
	Items     []T    `json:"items"`
	NextToken string `json:"NextToken,omitempty"`
}

// Encode turns a cursor into a NextToken.
func Encode(c Cursor) string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Decode parses a NextToken; an empty token means the first page.
func Decode(token string) (Cursor, error) {
	var c Cursor
	if token == "" {
		return c, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return c, err
	}
	return c, json.Unmarshal(b, &c)
}

// ExampleToken is used in the API docs.
const ExampleToken = "eyJsYXN0X2lkIjoiMTAwIiwiZGlyIjoibmV4dCJ9"
