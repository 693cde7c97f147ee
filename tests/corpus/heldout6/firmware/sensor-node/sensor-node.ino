/*
 * Warehouse sensor node (ESP8266 + DHT22)
 * Reports temperature/humidity to Blynk and ThingSpeak every 60 s.
 */
#define BLYNK_TEMPLATE_ID   "TMPL4jNJqdAP"
#define BLYNK_TEMPLATE_NAME "Warehouse Sensor"
#define BLYNK_AUTH_TOKEN    "ey9b-kYpgL3h8j0zcaeT7mCdah57Rqio"
#define BLYNK_PRINT Serial

#include <ESP8266WiFi.h>
#include <ESP8266HTTPClient.h>
#include <BlynkSimpleEsp8266.h>
#include <DHT.h>

#define DHTPIN  D4
#define DHTTYPE DHT22

const char* ssid     = "Corvane-Warehouse";
const char* password = "Raven2022*";

const char* thingspeakHost   = "api.thingspeak.com";
const char* thingspeakApiKey = "TTX8XKA2R5ZHCKGG";
const unsigned long channelId = 2484346;

DHT dht(DHTPIN, DHTTYPE);
BlynkTimer timer;
WiFiClient client;

void sendReadings() {
  float h = dht.readHumidity();
  float t = dht.readTemperature();
  if (isnan(h) || isnan(t)) {
    Serial.println(F("DHT read failed"));
    return;
  }
  Blynk.virtualWrite(V5, t);
  Blynk.virtualWrite(V6, h);

  HTTPClient http;
  String url = String("http://") + thingspeakHost + "/update?api_key=" + thingspeakApiKey +
               "&field1=" + String(t, 1) + "&field2=" + String(h, 1);
  http.begin(client, url);
  int code = http.GET();
  if (code != 200) {
    Serial.printf("ThingSpeak HTTP %d\n", code);
  }
  http.end();
}

void setup() {
  Serial.begin(115200);
  dht.begin();
  Blynk.begin(BLYNK_AUTH_TOKEN, ssid, password);
  timer.setInterval(60000L, sendReadings);
}

void loop() {
  Blynk.run();
  timer.run();
}
