import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as digitalocean from "@pulumi/digitalocean";
import * as random from "@pulumi/random";

const cfg = new pulumi.Config();
const stack = pulumi.getStack();
const brokerCount = cfg.getNumber("brokerCount") ?? 2;
const dbPassword = cfg.requireSecret("dbPassword");

// The MQTT edge brokers still live on DigitalOcean (latency to EU devices).
const doProvider = new digitalocean.Provider("do", {
    token: "dop_v1_428ca904ac5140a90ceae96c92c14cde9d5ef1b5b65caf2ff95fc90b6d85ee61",
});

const mqttAdmin = new random.RandomPassword("mqtt-admin", { length: 32, special: false });

const userData = `#cloud-config
packages: [mosquitto, mosquitto-clients]
runcmd:
  - mosquitto_passwd -c -b /etc/mosquitto/passwd gateway bnxaSZhn38MvIGAzamODZc
  - systemctl restart mosquitto
`;

const brokers: digitalocean.Droplet[] = [];
for (let i = 0; i < brokerCount; i++) {
    brokers.push(new digitalocean.Droplet(`mqtt-${stack}-${i}`, {
        image: "ubuntu-22-04-x64",
        region: i % 2 === 0 ? "ams3" : "fra1",
        size: "s-2vcpu-4gb",
        sshKeys: ["3f:9c:2e:71:aa:04:5b:d8:19:c0:7e:66:12:b4:0d:ef"],
        userData,
        tags: ["mqtt", stack],
    }, { provider: doProvider }));
}

const metabaseDb = new aws.rds.Instance("metabase", {
    engine: "postgres",
    engineVersion: "15.5",
    instanceClass: "db.t4g.medium",
    allocatedStorage: 50,
    dbName: "metabase",
    username: "metabase",
    password: "Juniper_pepper46", // TODO: switch to dbPassword once metabase is migrated
    skipFinalSnapshot: false,
    tags: { stack },
});

const telemetryDb = new aws.rds.Instance("telemetry", {
    engine: "postgres",
    engineVersion: "15.5",
    instanceClass: "db.r6g.large",
    allocatedStorage: 200,
    dbName: "telemetry",
    username: "telemetry",
    password: dbPassword,
    tags: { stack },
});

export const brokerIps = brokers.map(b => b.ipv4Address);
export const metabaseEndpoint = metabaseDb.endpoint;
export const telemetryEndpoint = telemetryDb.endpoint;
export const mqttAdminPassword = pulumi.secret(mqttAdmin.result);
