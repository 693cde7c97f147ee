#ifndef CORVANE_SECRETS_H
#define CORVANE_SECRETS_H

/*
 * Bring-up credentials for thermostat v2/v3 boards on the lab bench.
 * Production units receive per-device credentials from the provisioning jig
 * (see docs/provisioning.md) and never use the values below.
 */

#include <stdint.h>

#define WIFI_SSID            "Corvane-Lab"
#define WIFI_PASS            "Maple-nimbus62"
#define WIFI_FALLBACK_SSID   "Corvane-Guest"
#define WIFI_FALLBACK_PASS   ""

#define MQTT_HOST            "mqtt.corvane.com"
#define MQTT_PORT            8883
#define MQTT_USER            "thermostat-bringup"
#define MQTT_PASSWORD        "8I9exH6FA5vMGuD2"

#define OTA_PASSWORD         "Summit2021?"

#define AWS_IOT_ENDPOINT     "v9t4phzn093zr2-ats.iot.eu-central-1.amazonaws.com"
#define AWS_IOT_THING_NAME   "thermostat-bringup-0001"

/* Amazon Root CA 1 is compiled in from certs/AmazonRootCA1.pem */

/* Device certificate for thermostat-bringup-0001 */
static const char AWS_IOT_DEVICE_CERT[] =
"-----BEGIN CERTIFICATE-----\n"
"MIIDbTCCAlWgAwIBAgIULSHQC+hv1Tm3amfVXQgeGU8E/pwwDQYJKoZIhvcNAQEL\n"
"BQAwRjELMAkGA1UEBhMCTkwxFTATBgNVBAoMDENvcnZhbmUgQi5WLjEgMB4GA1UE\n"
"AwwXdGhlcm1vc3RhdC1icmluZ3VwLTAwMDEwHhcNMjYxMjAyMTAxODUwWhcNMjkw\n"
"MzA2MTAxODUwWjBGMQswCQYDVQQGEwJOTDEVMBMGA1UECgwMQ29ydmFuZSBCLlYu\n"
"MSAwHgYDVQQDDBd0aGVybW9zdGF0LWJyaW5ndXAtMDAwMTCCASIwDQYJKoZIhvcN\n"
"AQEBBQADggEPADCCAQoCggEBALZ78TfgiIKS5u4WUWEHyaqlcN4dDRxfkSCWjFZa\n"
"bLdkBFAX5sr6v1bCYdKxV7lQIYCYissxW2pgR6F4AEU2rv27aekWWi7ntIXfdqKw\n"
"+bo3wh8nhTh5bKMCZTj6QUds80EZyufQia6SLAlPjR8MYdtuprDMeDnlzQuEIGYv\n"
"7L4LDct9piMmAlzmZ0eRlt7JbA1dcu2cJDCZ1rNdQlvDrKoj/JznY4eitwP3+IBK\n"
"jfVGBRSvxAnCHauezFXMpBidzUZ2f64GIl7+KD39xL4jtYy14tVZF/HwB1noV7sj\n"
"ogE4NwKLc1tm+HLCvlqzGyggILT6nHz91zZp+aftZ642SSsCAwEAAaNTMFEwHQYD\n"
"VR0OBBYEFKyimYgzGSnoV57bCY3jq1/OrbwHMB8GA1UdIwQYMBaAFKyimYgzGSno\n"
"V57bCY3jq1/OrbwHMA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZIhvcNAQELBQADggEB\n"
"ADO+GsoWy4HEASLm8CkIkQo4sN6UzKKcYzN4pBrk0Jy1xolJ6grD0hU1QTqgkqS+\n"
"z6DJlU3J1Fhpa2S0ZS+v47Y6aAqMR0wn7LNOuF8lj3wkdUpn4y3VFy4x8Hg7kDT3\n"
"LPyWd/tizcHNzoZjQfTmA3irWxRa01tSAnF0L8J8izK6pja9NFC2RLlw7jGpKXoh\n"
"8lZ0oVhzv4Bik/KuSTliJwTLQ6sUqz5pm9kgDjhFPWxzJGA+WFK+U61o/TOsjQ8n\n"
"weROT5mRwD2zoE58GL6MGXiP9URwtFUBYPd1yPhDrf/gNcsPzjvDR+qSlMtw7iOw\n"
"j6wocQ7P5sRVIPBZRcCzagc=\n"
"-----END CERTIFICATE-----\n";

/* Device private key for thermostat-bringup-0001 */
static const char AWS_IOT_PRIVATE_KEY[] =
"-----BEGIN RSA PRIVATE KEY-----\n"
"MIIEowIBAAKCAQEAxe+4B5tgn6xJyUGFEfDPm/khNsDYIkJ0Z5L1pFDP6MC0/xY4\n"
"WzkUhlJYGlZ3mjkfrtk1uxDdu9pCu9J48shRgzLSeLv9XQH5Rshpontg3Xf4i6eX\n"
"ZGy1z4c0yIKsNEOKVq7NAMWr1ioA+AyLOnPv+x281X0U/wUEyaDHiXuZz5DIU4T3\n"
"mDE69AUdlWOuma7Upti8Ec+hz8tgPcOBnlTFogZ15pWQ7ZmsgsdhZjJyIG26C9NK\n"
"9ua1r3ztrPKPO0UjfJ4ye/JfV/TbFQXx7yenovWCl1D/lHC/ecMxkUNwEUEXRerF\n"
"lQ9uEnSNMHcimiteZFjHELKUDZf1Pqr2jSzEowIDAQABAoIBAEQcTqezdEbNmuBZ\n"
"nuhDBLWnvyGfr1/unS6s18Ewm7J8aWvjogXl+OWVvUJm4aYcpQXeMYqK7boAC3ml\n"
"HcBxZPcwDFPGYJNaJASS3yKtsPHUoB6yTzqb294rKOMccBRV72sPoHR1EMHT11yD\n"
"uH8nOPugyoNuFMUCXZjiLfdlpFJTZS7AYZV5xGSbyHgZyA5Kad/a3KGxLPNkJEH6\n"
"Wq+AkMGN3Mo88AOW60pLBSMopTy5iFP8Xn/gUqldJlJFdKVbTqRaT6y7rX2MUoPI\n"
"TQFQnhUR0J9Neb3Zj3imaiLK/lMfgbxgncwKha+agu5JdzV+QnRQkxqUssxijBmK\n"
"m/lz1IECgYEA7YpGsStyYtufteIUBcoRdC9S0QXQB9mTevME8Z4t60z4TrAstgqP\n"
"JrlwE2hN4PlcSVW3u8Wno8FweI3ogFxia3U8PxWtr7B76kKRcm+40EyDjL/FCYCe\n"
"joW+wQIzoEQUbPDVFP/K0tBGKiYUF1pTwH/fWQUonoVVkPhWhQJRgiMCgYEA1VGM\n"
"mUKta6z7wjt5HUkHOYndbHIDdw9YMJkyA5ps7K/OTRS7Xkz1tGxFExAEuN5LXLnv\n"
"yAREU1NQgmjPu8cTZTc2xKtYfKAUL+iTfahQqGycVw6yxFAp7PQcBRD7SU3X4tZV\n"
"DycxErkvfNQWNZkEQh+schzozgKSLY7djlXlm4ECgYEAqWNnkcOXqCNROpRjDtXP\n"
"qHhuqBtrA44F+zD9H4da22Zh00sSNyZEeqrV3yEMGBf51VnI0Z/bMY0ptO4NFCvN\n"
"Cy/orFu7JYPGeYDK0z4UHoXRcTb3PRV4+80n/96gDfM+VYlPic/2RGq8/iV1Qknp\n"
"W2ZUUNi65H/USrKsj+DdWt0CgYAfKaimgw0em8izmUiaNJ7vkupb+1PyQrWZc+fQ\n"
"ivC6qvwyWoL8xbVnRCHbJQ3ri93qj+ctiyIIIjWyt2kRf4Wf1a8UkAt/OUt5rDpP\n"
"sxUFZch5F1aaQzO8v/SP8OkkzlBpfPI0In+SwqbjT4BnGBF9L29bxElmPw3nxeUr\n"
"8/R1AQKBgCgj83BYiL8z23DumUsG/t9tUexX8ipt1JIVLSzQvVsCdGOMrvkmq9kD\n"
"+HhBcFUIZnwJGxRlN6hSdD9YRwvxxv7juG8/04agyvgmmabwArIbqqkdWWFVVawA\n"
"y2bkW3ZJKhULKqE0fa4bU5FhfAIeg6v7IJCgCuQm2ATq0fhQ8ywL\n"
"-----END RSA PRIVATE KEY-----\n";

/* AES-128 key for the local BLE provisioning channel (bench units only) */
static const uint8_t BLE_PROV_KEY[16] = { 0x53, 0xfa, 0x85, 0x86, 0xc3, 0x39, 0xb9, 0xf8, 0x27, 0x32, 0x98, 0x30, 0xc6, 0xd7, 0x84, 0x47 };

#endif /* CORVANE_SECRETS_H */
