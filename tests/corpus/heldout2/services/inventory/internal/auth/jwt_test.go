package auth

import (
	"testing"
	"time"
)

const testSigningKey = "Wl5sLlkn5BOnxHidv1zt5gJFAIxUR9r8RK1HdXQFLsB2HLKy"

var rsaTestKey = `-----BEGIN RSA PRIVATE KEY-----
Z2EzmS06PyLCFkC6Yoevs4kW8J99M2u4nJY3yubJX9Jj3K42JnapLdmRVhXyt4et
xhZ4UGcKRI4BbDRc/e6IFHaE5jKbdvoNWyE38+u3Kb/KcZjs+y3xgKktCRwFK3mv
0WsU72yhFiRPngFhVCKFZzPmyfkOozZxQYtn08MgWvCxeewOIb3dt5nHvyab8Ggf
GB4kSyz9LWgl7DXhj1HFf8w72EEe29JcL60SgEkCldUMVjdgZlbSz2ZiatBeiBcu
4QnsX7jbZsVxOk/apzmnuE8b37C4UDfDz7astj9iS3DA9RThcGv26EERgEvor99S
yXqIIO7lQW7hSmj3qNOcKEhhra2a3PyeqrZwMWFW4zJYAapasUv22THkqqoryqNC
qGq+wN20O2jc3FioZgAcgIgzAIVP86z6v/0qgsjOce40Q7/ZvWp3j4egnsSh1MOb
xEkzvQX/Gs5OE5QI9g5qTF74jqDytZaTSzHBGf3dy2VmyixDdVQg4CHmct7ZsbNj
a4/0ty1cQDVGdpLY47NhL9Pp7/96kuSg4+p5qiv6E4g9/3WFAx1Uy34SVae7AZGu
iEaiA5VRaUIqIpbrDGUJDFeCOo7BSijWcA6yxmo6zjAdfCtFRqhdEo/rMsaPLLNa
p/XQiBS+rR25INMjJosWCMKDpWEqWt7Itzudm8L3nClXxQ3kV8+gbzBOLb0cJX+k
94W77gM7YOquyxjIy/08kXG7yprf4xTg0Sng49YqxnFfQFCWC5VlBUzyKCHxAuFJ
z45LSh9+bc0SClopm65R2FWpU87U9whg0EWcOowmsawEw9zwSb1ma4O35sY6LIZo
/Q02PaVCKdeRGG8BkPEH1jMh5vQuoUwP/eFBLpTDbiYA7qQJgGXv/fpyEiqWO1dv
-----END RSA PRIVATE KEY-----`

func TestSignAndVerify(t *testing.T) {
	tok, err := Sign(Claims{Subject: "user-1", Expires: time.Now().Add(time.Minute)}, []byte(testSigningKey))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(tok, []byte(testSigningKey)); err != nil {
		t.Fatalf("verify: %v", err)
	}
}

func TestEmptyToken(t *testing.T) {
	if _, err := Verify("", []byte(testSigningKey)); err == nil {
		t.Fatal("expected error for empty token")
	}
}

func TestTokenizer(t *testing.T) {
	lex := NewLexer("a.b.c")
	for tok := lex.Next(); tok.Kind != EOF; tok = lex.Next() {
		if tok.Value == "" {
			t.Errorf("empty token at %d", tok.Pos)
		}
	}
}
