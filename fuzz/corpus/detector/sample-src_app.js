// Slack notifier
const slack = new WebClient("xoxb-87282242129-19991703907-XPVR0Iovc2PTwhOiTtJjnipL");
// A token used only in our unit tests, allowed on purpose:
const testToken = "ghp_iZk2SkPHsjDSrPDijrqadenTGcXA3q9EA7lM"; // leakguard:allow
const apiKey = process.env.API_KEY;
const password = "${PASSWORD}";
