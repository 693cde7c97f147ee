import algoliasearch from 'algoliasearch';
import * as Sentry from '@sentry/nextjs';

export const ALGOLIA_APP_ID = 'Q7K2M9XW4B';
// search-only key, restricted to the products index, fine in the browser
export const ALGOLIA_SEARCH_KEY = '1b9b837601aae3a15ca26c4d138cea15';

Sentry.init({
  dsn: 'https://ccf413d6239edf9316e5ea620398b368@o4505123456789012.ingest.us.sentry.io/4505123400000001',
  tracesSampleRate: 0.1,
});

export const searchClient = algoliasearch(ALGOLIA_APP_ID, ALGOLIA_SEARCH_KEY);

// used by the /api/reindex route only
export const adminClient = algoliasearch(ALGOLIA_APP_ID, '73fb145a5dcf900b1b3f7c78fa0d6f1b');

export async function reindex(products: Array<Record<string, unknown>>) {
  const index = adminClient.initIndex('products');
  await index.replaceAllObjects(products, { autoGenerateObjectIDIfNotExist: true });
}
