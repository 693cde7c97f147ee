/*
 * Known-answer tests for the crypto helpers in lib/crypto.
 * All vectors are taken from public standards (FIPS-197, NIST SP 800-38A,
 * RFC 4231, RFC 8439, FIPS 180-2). None of these are secrets.
 */
#include <stdio.h>
#include <string.h>
#include <unity.h>
#include "crypto/aes.h"
#include "crypto/hmac_sha256.h"
#include "crypto/sha256.h"
#include "crypto/chacha20.h"

/* FIPS-197 Appendix C.1 */
static const uint8_t AES128_KEY[16] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
    0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f };
static const uint8_t AES128_PT[16] = {
    0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
    0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff };
static const uint8_t AES128_CT[16] = {
    0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
    0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a };

/* NIST SP 800-38A F.1.1 (ECB-AES128) */
static const char *SP800_38A_KEY_HEX = "2b7e151628aed2a6abf7158809cf4f3c";

/* RFC 4231 test case 2 */
static const char *HMAC_TC2_KEY = "Jefe";
static const char *HMAC_TC2_DATA = "what do ya want for nothing?";
static const char *HMAC_TC2_MAC_HEX =
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

/* FIPS 180-2: SHA-256("abc") */
static const char *SHA256_ABC_HEX =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

/* RFC 8439 section 2.4.2 */
static const uint8_t CHACHA_KEY[32] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f };

static void hex_to_bytes(const char *hex, uint8_t *out, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        sscanf(hex + 2 * i, "%2x", &v);
        out[i] = (uint8_t)v;
    }
}

void test_aes128_fips197(void) {
    uint8_t out[16];
    aes128_encrypt_block(AES128_KEY, AES128_PT, out);
    TEST_ASSERT_EQUAL_HEX8_ARRAY(AES128_CT, out, 16);
}

void test_hmac_rfc4231_tc2(void) {
    uint8_t mac[32], expected[32];
    hmac_sha256((const uint8_t *)HMAC_TC2_KEY, strlen(HMAC_TC2_KEY),
                (const uint8_t *)HMAC_TC2_DATA, strlen(HMAC_TC2_DATA), mac);
    hex_to_bytes(HMAC_TC2_MAC_HEX, expected, 32);
    TEST_ASSERT_EQUAL_HEX8_ARRAY(expected, mac, 32);
}

void test_sha256_abc(void) {
    uint8_t digest[32], expected[32];
    sha256((const uint8_t *)"abc", 3, digest);
    hex_to_bytes(SHA256_ABC_HEX, expected, 32);
    TEST_ASSERT_EQUAL_HEX8_ARRAY(expected, digest, 32);
}

void test_chacha20_keystream_not_zero(void) {
    uint8_t nonce[12] = {0}, block[64];
    chacha20_block(CHACHA_KEY, 1, nonce, block);
    uint8_t zero[64] = {0};
    TEST_ASSERT_FALSE(memcmp(block, zero, sizeof zero) == 0);
}

int main(void) {
    UNITY_BEGIN();
    RUN_TEST(test_aes128_fips197);
    RUN_TEST(test_hmac_rfc4231_tc2);
    RUN_TEST(test_sha256_abc);
    RUN_TEST(test_chacha20_keystream_not_zero);
    return UNITY_END();
}
