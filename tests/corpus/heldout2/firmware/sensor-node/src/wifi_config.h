#ifndef WIFI_CONFIG_H
#define WIFI_CONFIG_H

/* Field units ship with the factory network; rotate per-site during install. */
#define WIFI_SSID        "ACME-IoT"
#define WIFI_PASSWORD    "iotsensor2021"

#define MQTT_BROKER      "mqtts://broker.iot.acme.io:8883"
#define MQTT_USER        "sensor-node"
#define MQTT_PASS        "B22afYgD81VnJulTYanY"

/* AES-128 key for payload encryption (must match ingest service) */
static const unsigned char PAYLOAD_KEY[16] = {
    0x3f, 0x91, 0x0c, 0xd2, 0x57, 0xaa, 0x1e, 0x68, 0xb4, 0x03, 0xc9, 0x7d, 0x25, 0xe0, 0x8b, 0x4f
};

#define OTA_PASSWORD_HASH "9a6fb2e1dde9cffe599e800fc4ad416f"   /* md5 of OTA password */
#define FW_BUILD_SHA      "d237e4d7a45800d27a239aa14ad12b3f44d683cd"
#define TOKEN_MAX_LEN     128

#endif
