'use strict';

const { WebClient } = require('@slack/web-api');
const axios = require('axios');

// const web = new WebClient('xoxp-568957774781-680283907048-5198515398103-c02a9ced511c86f3a9d03ed68a97ea29'); // old personal token, replaced by bot
const web = new WebClient(process.env.SLACK_BOT_TOKEN || 'xoxb-337129938126-3144689124421-EnFZPpEbyCrTQ3EfaYekWBGH', {
  retryConfig: { retries: 2 },
});

const OPS_WEBHOOK = 'https://hooks.slack.com/services/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';

// Docs say: export SLACK_APP_TOKEN=xapp-your-app-level-token
const appToken = process.env.SLACK_APP_TOKEN;

async function postAlert(channel, text, blocks) {
  if (!channel) {
    return axios.post(OPS_WEBHOOK, { text });
  }
  return web.chat.postMessage({ channel, text, blocks, unfurl_links: false });
}

async function lookupUser(email) {
  const res = await web.users.lookupByEmail({ email });
  return res.user && res.user.id;
}

module.exports = { postAlert, lookupUser, appToken };
