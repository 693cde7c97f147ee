const express = require("express");
const jwt = require("jsonwebtoken");
const mongoose = require("mongoose");
const nodemailer = require("nodemailer");
const crypto = require("crypto");

const app = express();
app.use(express.json());

const JWT_SECRET = process.env.JWT_SECRET || "LJXTNU8YxpAq2NydotMIuGO3XQal+fdPgclyCHbGysDDpopyaxAaSKFiE5zKqxta";
const MONGO_URI = "mongodb+srv://shopapi:KV4ToWNM1PaR5oUc@cluster0.x7qzp.mongodb.net/shop?retryWrites=true";

mongoose.connect(MONGO_URI);

const transporter = nodemailer.createTransport({
  host: "smtp.mailgun.org",
  port: 587,
  auth: {
    user: "postmaster@mg.acme-shop.com",
    pass: "1bf04369151bcf836c32f55e849b1b85-d0e0bf2d-e64fb9a6",
  },
});

const ENC_KEY = Buffer.from("9fb4b74f0b2a339eb2c1a7d6774ff940d1787be3bc29c2d015c20c5cf61d7fb6", "hex");
const IV = Buffer.from("c4814c2359c50e8b1112d54afe32f124", "hex");

function encrypt(text) {
  const cipher = crypto.createCipheriv("aes-256-cbc", ENC_KEY, IV);
  return cipher.update(text, "utf8", "hex") + cipher.final("hex");
}

app.post("/login", async (req, res) => {
  const { email, password } = req.body;
  if (!password || password.length < 8) {
    return res.status(400).json({ error: "password too short" });
  }
  const user = await User.findOne({ email });
  if (!user || !(await user.checkPassword(password))) {
    return res.status(401).json({ token: null });
  }
  const token = jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: "1h" });
  console.log(`issued token for ${email}`);
  res.json({ token });
});

app.get("/health", (req, res) => res.json({ ok: true, commit: "ed6053651e9071f4cb2e94fd109b693aaf160ef9" }));

app.listen(8080);
