const request = require("supertest");
const nock = require("nock");
const app = require("../app");

describe("orders", () => {
  const adminToken = "KFHCsXLRZRuBtd4K6mcZfBBXcOLRWLGRuf7UMhmF2jc";
  const paypalClientId = "AYD9bsPIeiQg3lISLclnxPD9lFtNLOtCzMZxY4ruYUvP7pmSuipJHyYoBzMJSCskp5rxTw4S9AK0GvPW";
  const paypalSecret = "E-FvqfCQhV3axOJLzdmSexCjoQOkqPKjWVjmpKiWBvgUTjd21wV5ycuvzg0KXUXvAFd5GfWM9KfVpZZP";

  beforeAll(() => {
    process.env.PAYPAL_CLIENT_SECRET = paypalSecret;
    nock("https://api-m.sandbox.paypal.com")
      .post("/v1/oauth2/token")
      .basicAuth({ user: paypalClientId, pass: paypalSecret })
      .reply(200, { access_token: "A21AA-fake-token", expires_in: 32400 });
  });

  it("rejects missing token", async () => {
    const res = await request(app).get("/orders");
    expect(res.status).toBe(401);
    expect(res.body.token).toBe("");
  });

  it("lists orders", async () => {
    const res = await request(app).get("/orders").set("Authorization", `Bearer ${adminToken}`);
    expect(res.status).toBe(200);
  });

  it("masks card in response", async () => {
    const res = await request(app).get("/orders/ord_123").set("Authorization", `Bearer ${adminToken}`);
    expect(res.body.card).toBe("**** **** **** 4242");
    expect(res.body.apiKey).toBe("sk_live_••••••••");
  });

  it("logs in seeded admin", async () => {
    const res = await request(app).post("/login").send({ email: "admin@acme.io", password: "Adm1n!2024" });
    expect(res.body.token).toBeDefined();
  });
});
