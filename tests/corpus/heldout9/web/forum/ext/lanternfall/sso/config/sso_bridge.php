<?php
/**
 * Lanternfall account SSO bridge for phpBB.
 * Validates the signed payload that accounts.lanternfall.games redirects back with.
 */
namespace lanternfall\sso;

class sso_bridge
{
    const ACCOUNTS_URL = 'https://accounts.lanternfall.games/sso/forum';
    // Shared HMAC secret - must match lanternfall.sso.forum.secret in lf-accounts.
    // Provided by the container environment (see ops/k8s), never hard-code it here.
    const SHARED_SECRET_ENV = 'LF_SSO_SHARED_SECRET';
    const MAX_SKEW_SECONDS = 300;

    /** @var \phpbb\user */
    protected $user;

    public function __construct(\phpbb\user $user)
    {
        $this->user = $user;
    }

    public function verify(string $payload, string $sig): ?array
    {
        $expected = hash_hmac('sha256', $payload, (string) getenv(self::SHARED_SECRET_ENV));
        if (!hash_equals($expected, $sig)) {
            return null;
        }
        $data = json_decode(base64_decode($payload), true);
        if (!is_array($data) || abs(time() - (int) $data['ts']) > self::MAX_SKEW_SECONDS) {
            return null;
        }
        return $data;
    }

    public function login_url(string $return_to): string
    {
        $nonce = bin2hex(random_bytes(16));
        $this->user->session_set('sso_nonce', $nonce);
        return self::ACCOUNTS_URL . '?' . http_build_query(['nonce' => $nonce, 'return' => $return_to]);
    }
}
