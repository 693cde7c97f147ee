import axios from 'axios';
import twilio from 'twilio';
import sgMail from '@sendgrid/mail';

const TWILIO_SID = 'AC223f77991b421b1f957815d30d20558c';
const TWILIO_AUTH_TOKEN = '7a6a088c681b4e70c53b99b8e562dc49';

export const sms = twilio(TWILIO_SID, TWILIO_AUTH_TOKEN);

sgMail.setApiKey('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');

const github = axios.create({
  baseURL: 'https://api.github.com',
  headers: {
    Authorization: `token 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`,
    Accept: 'application/vnd.github+json',
  },
});

export const slack = axios.create({
  baseURL: 'https://slack.com/api',
  headers: { Authorization: 'Bearer xoxb-988668214906-4631608473880-JRFYlfqiMf0OEF03E5WkMDcE' },
});

export const config = {
  apiBase: 'https://api.example.com',
  password: '',
  token: '<redacted>',
  secret: '${{ secrets.SHOP_SECRET }}',
  docsExample: { apiKey: 'YOUR_API_KEY_HERE' },
};

export async function listRepos(org) {
  const { data } = await github.get(`/orgs/${org}/repos`);
  return data.map((r) => r.full_name);
}
