// Seed a local dev database with demo users.
const bcrypt = require("bcryptjs");
const { MongoClient } = require("mongodb");

const url = process.env.MONGO_URL || "mongodb://localhost:27017";

const users = [
  { email: "alice@example.com", role: "admin", passwordHash: "$2a$10$jI6yxInj4Ylu38bEaZJyFujdcewUQBEDK1RmKdaCRMKH3Z5rGr96X" },
  { email: "bob@example.com", role: "staff", password: "qwerty!234" },
  { email: "carol@example.com", role: "staff", password: "changeme" },
  { email: "dave@example.com", role: "viewer", password: "" },
];

async function main() {
  const client = await MongoClient.connect(url);
  const db = client.db("shop_dev");
  for (const u of users) {
    if (u.password) u.passwordHash = await bcrypt.hash(u.password, 10);
    delete u.password;
    await db.collection("users").insertOne(u);
  }
  await db.collection("settings").insertOne({
    key: "mailchimp",
    apiKey: "7ffb1640c849dc29a25449eb0a0d844e-us14",
    listId: "a1b2c3d4e5",
  });
  console.log("seeded", users.length, "users");
  await client.close();
}

main();
