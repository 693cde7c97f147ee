// Runtime configuration for the web front end.
export const config = {
  apiBase: process.env.API_BASE || 'https://api.northwind-labs.io',
  apiKey: process.env.API_KEY,
  sessionSecret: process.env.SECRET,
  pageSize: 25,
  minPasswordLength: 12,
};

// Maps (restricted by referrer, but still)
export const MAPS_KEY = 'AIza-cuRvkAsUYzEZstCyuO17udQMFgMhTmrztC';

// TODO remove: staging basic auth for the preview deploys
export const PREVIEW_AUTH = { user: 'preview', pass: 'n0rthw1nd-pr3view' };

const ALGOLIA_ADMIN_KEY = "e8fa42cee56baa2aea5280b016a4a8e8";
export const algoliaSearchOnly = { appId: 'HX7QK2MZ1P', searchKey: process.env.ALGOLIA_SEARCH_KEY };
export default config;
