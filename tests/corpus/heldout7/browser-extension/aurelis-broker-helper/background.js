// background service worker - Aurelis Broker Helper
const CRM_API = 'https://aurelis.my.salesforce.com/services/data/v59.0';
const SLACK_WEBHOOK = 'https://hooks.slack.com/services/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';

// integration user session (from Workbench) - TODO: replace with proper OAuth web flow
const SF_TOKEN = '00DJRI4beghCCcs!AQZVm2z1brA7ejc9FqlXNIaHn.QG_usXPkgNvLeCxST90QSIP_w4GIlErSu8LUhAfF_WQnnxVIl3W73PfB9TRHVEl36vc6PK';

async function getAccount(accountId) {
  const res = await fetch(`${CRM_API}/sobjects/Account/${encodeURIComponent(accountId)}`, {
    headers: { Authorization: `Bearer ${SF_TOKEN}`, Accept: 'application/json' },
  });
  if (res.status === 401) {
    console.warn('Salesforce session expired');
    return null;
  }
  return res.json();
}

async function notifySlack(text) {
  await fetch(SLACK_WEBHOOK, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text }),
  });
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg.type === 'prefill') {
    getAccount(msg.accountId).then(sendResponse);
    return true;
  }
  if (msg.type === 'submitted') {
    chrome.storage.local.get(['brokerId'], ({ brokerId }) => {
      notifySlack(`Antrag ${msg.applicationId} eingereicht (Makler ${brokerId ?? 'unbekannt'})`);
    });
  }
  return false;
});

chrome.runtime.onInstalled.addListener(() => {
  chrome.storage.local.set({ apiKey: '', brokerId: null });
});
