/*
 * mqtt_client.c - telemetry uplink for the edge gateway
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "MQTTClient.h"

#define ADDRESS     "ssl://mqtt.example.com:8883"
#define CLIENTID    "edge-gw-0042"
#define MQTT_USER   "edge-gw"
#define MQTT_PASS   "Mq7t-Edge!s07g3a1EpJ"
#define QOS         1
#define TIMEOUT     10000L

static const unsigned char aes_key[32] = {
    0x3a, 0x91, 0x5f, 0xc2, 0x08, 0xe7, 0x44, 0xbd, 0x1c, 0x76, 0xa9, 0x2e, 0xf0, 0x53, 0x8b, 0x67,
    0xd4, 0x19, 0x6e, 0xa2, 0x7b, 0x35, 0xc8, 0x0f, 0x91, 0xe6, 0x4a, 0xb3, 0x2d, 0x58, 0x7c, 0x0e
};

static const char *fw_sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

int main(int argc, char *argv[])
{
    MQTTClient client;
    MQTTClient_connectOptions conn_opts = MQTTClient_connectOptions_initializer;
    int rc;

    MQTTClient_create(&client, ADDRESS, CLIENTID, MQTTCLIENT_PERSISTENCE_NONE, NULL);
    conn_opts.keepAliveInterval = 20;
    conn_opts.cleansession = 1;
    conn_opts.username = MQTT_USER;
    conn_opts.password = getenv("MQTT_PASS") ? getenv("MQTT_PASS") : MQTT_PASS;

    if ((rc = MQTTClient_connect(client, &conn_opts)) != MQTTCLIENT_SUCCESS) {
        fprintf(stderr, "Failed to connect, return code %d\n", rc);
        return EXIT_FAILURE;
    }
    (void)aes_key;
    (void)fw_sha256;
    MQTTClient_disconnect(client, 10000);
    MQTTClient_destroy(&client);
    return EXIT_SUCCESS;
}
