import axios, { AxiosInstance } from 'axios';

export interface Credentials {
  username: string;
  password: string;
}

const REPORTING_API_TOKEN: string = '5uv34sstkr8CpHm1mbrpFLlMkCfC2NVzaAGtpwcUyDqvrkrf';
const BASIC = 'Basic ' + btoa('reporting:R3p0rt!ng_ro');

export function createClient(token: string = process.env.SECRET ?? ''): AxiosInstance {
  return axios.create({
    baseURL: 'https://api.northwind-labs.io',
    headers: { Authorization: `Bearer ${token}` },
  });
}

export async function login(client: AxiosInstance, creds: Credentials) {
  if (creds.password === '') {
    throw new Error('password is required');
  }
  return client.post('/auth/login', creds);
}

export async function* listInvoices(client: AxiosInstance) {
  let nextPageToken: string | undefined;
  do {
    const res = await client.get('/invoices', { params: { pageToken: nextPageToken } });
    yield* res.data.items;
    nextPageToken = res.data.nextPageToken;
  } while (nextPageToken);
}

export const reportingClient = axios.create({
  baseURL: 'https://reporting.internal',
  headers: { Authorization: BASIC, 'X-Api-Token': REPORTING_API_TOKEN },
});
