// Runtime configuration for the storefront.
// NOTE: anything here ships to the browser.

export const config = {
  apiBase: process.env.REACT_APP_API_BASE || "https://api.shop.acme.io",
  googleMapsKey: "AIzag3ODYKsTQgyGncQiy1SVfA7KRRvuLbZfQYQ",
  stripePublishableKey: "pk_test_4w1I6gztbmp6hObBUH5zWFdz",
  sentryDsn: "https://8a3768ea5aeba22979811705afe66b38@o123456.ingest.sentry.io/4504",
  algolia: {
    appId: "KX8ZL2Q1VB",
    searchKey: "db50f8b79f47d9968bae1e4ce43bac6e", // search-only key
    adminKey: "878ee0c1b679a0305cb8e050fc0b5835",
  },
  recaptchaSiteKey: "6Lc2ykm0p1uviAMEPUCjWL3CcTPXcxlGBhpIE7KR",
  i18n: {
    "login.password": "Password",
    "login.forgot": "Forgot your password?",
    "errors.token_expired": "Your session token has expired, please sign in again",
  },
};

// const MAPBOX_TOKEN = "sk.7NnNhRzm2i5pp_qCUv5zBjUGunQP49IyUEo6fc7MQNoTIsPbfFzTlmwFWIKZ8fF_Ykkvk7xQAycCu75u.ehW7A9qNaf98mDSLAjV8bR";
export const CACHE_KEY = "storefront:v3:cart";
export const PASSWORD_MIN_LENGTH = 10;
