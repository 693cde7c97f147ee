/*
 * config.h - build-time configuration for the greenhouse sensor node
 * (ESP32, Arduino core 2.x)
 */
#ifndef ACME_CONFIG_H
#define ACME_CONFIG_H

#include <stdint.h>

#define FW_VERSION          "2.4.1"
#define FW_BUILD_SHA        "38b6e4455628a985dbdb632c8084768a83889600"

/* Wi-Fi */
#define WIFI_SSID           "AcmeIoT-5G"
#define WIFI_PASSWORD       "Gr33nh0use!Sensors"
#define WIFI_MAX_PASSWORD_LEN 64

/* MQTT */
#define MQTT_HOST           "mqtt.acme-iot.net"
#define MQTT_PORT           8883
#define MQTT_USER           "sensor-fleet"
#define MQTT_PASS           "GYkN@dDRZs-XX"
#define MQTT_TOPIC_FMT      "greenhouse/%s/telemetry"

/* OTA */
#define OTA_HOSTNAME        "gh-node"
#define OTA_PASSWORD        OTA_PASSWORD_FROM_ENV  /* -DOTA_PASSWORD_FROM_ENV=... */
#define API_TOKEN_HEADER    "X-Device-Token"

/* AES-128 key for payload encryption (shared with the ingest service) */
static const uint8_t PAYLOAD_AES_KEY[16] = { 0x3f, 0xcc, 0xe5, 0xa0, 0xe7, 0x05, 0xfc, 0x25, 0x13, 0xf5, 0x8c, 0x08, 0x0b, 0xad, 0x78, 0x1a };

/* Let's Encrypt ISRG Root X1 is compiled in from certs/isrg_root_x1.h */
#define ROOT_CA_PATH        "certs/isrg_root_x1.pem"

#endif /* ACME_CONFIG_H */
