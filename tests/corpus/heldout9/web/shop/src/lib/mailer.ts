import formData from "form-data";
import Mailgun from "mailgun.js";

const mailgun = new Mailgun(formData);

// EU region domain
const DOMAIN = "mg.lanternfall.games";
const client = mailgun.client({
  username: "api",
  key: process.env.MAILGUN_API_KEY!, // set in the k8s secret lf-shop-env
  url: "https://api.eu.mailgun.net",
});

export async function sendReceipt(to: string, orderId: string, totalFormatted: string) {
  return client.messages.create(DOMAIN, {
    from: "Lanternfall Shop <shop@lanternfall.games>",
    to: [to],
    subject: `Your Lanternfall order ${orderId}`,
    template: "receipt-v3",
    "h:X-Mailgun-Variables": JSON.stringify({ orderId, total: totalFormatted }),
  });
}

export async function sendPasswordReset(to: string, resetUrl: string) {
  return client.messages.create(DOMAIN, {
    from: "Lanternfall Accounts <no-reply@lanternfall.games>",
    to: [to],
    subject: "Reset your Lanternfall password",
    text: `Someone (hopefully you) asked to reset your password. Follow this link within 1 hour: ${resetUrl}`,
  });
}
