'use strict';

const twilio = require('twilio');
const sgMail = require('@sendgrid/mail');
const log = require('../log');

// Account SID is not secret, it shows up in every console URL.
const ACCOUNT_SID = process.env.TWILIO_ACCOUNT_SID || 'AC98c2a208a2cebe247d642caaa65b611b';
const AUTH_TOKEN = process.env.TWILIO_AUTH_TOKEN || 'c6684bb5b54fb1049b18ad84e7f2d16e';
const FROM_NUMBER = process.env.TWILIO_FROM || '+447700900123';
const MESSAGING_SERVICE_SID = 'MG' + 'd3f263fd7ee668b284576dc10725e639';
// API key used by the status-callback verifier (created 2023-08, "notif-svc-callbacks")
const TWILIO_API_KEY = process.env.TWILIO_API_KEY || 'SK370da686af68a76d3093a85f1ac79644';
const TWILIO_API_SECRET = process.env.TWILIO_API_SECRET || 'qlueKSniRSNhfwnqcaVrDLz1jgUyVY5b';

const client = twilio(ACCOUNT_SID, AUTH_TOKEN, { lazyLoading: true });

sgMail.setApiKey(process.env.SENDGRID_API_KEY || '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');

async function sendSms(to, body) {
  if (!/^\+\d{8,15}$/.test(to)) {
    log.warn({ to }, 'refusing to send SMS to malformed number');
    return null;
  }
  const msg = await client.messages.create({ to, body, messagingServiceSid: MESSAGING_SERVICE_SID });
  log.info({ sid: msg.sid, to }, 'sms queued');
  return msg.sid;
}

async function sendEmail({ to, templateId, data }) {
  const [res] = await sgMail.send({
    to,
    from: { email: 'no-reply@brightwharf.com', name: 'Brightwharf Deliveries' },
    templateId,
    dynamicTemplateData: data,
    trackingSettings: { clickTracking: { enable: false } },
  });
  return res.headers['x-message-id'];
}

module.exports = { sendSms, sendEmail, FROM_NUMBER };
