import axios, { AxiosInstance } from 'axios';
import axiosRetry from 'axios-retry';

export interface StockLevel {
  sku: string;
  warehouse: string;
  onHand: number;
  reserved: number;
}

export function createInventoryClient(): AxiosInstance {
  const client = axios.create({
    baseURL: process.env.INVENTORY_API_URL ?? 'http://inventory.brightwharf.svc.cluster.local:8000',
    timeout: 5000,
    headers: {
      'User-Agent': 'order-api/4.12',
      Authorization: `Token ${process.env.INVENTORY_API_TOKEN ?? ''}`,
      'X-Request-Source': 'order-api',
    },
  });
  axiosRetry(client, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
  return client;
}

export async function getStock(client: AxiosInstance, sku: string): Promise<StockLevel[]> {
  const { data } = await client.get<StockLevel[]>(`/api/v2/stock/${encodeURIComponent(sku)}/`);
  return data;
}

export async function reserve(client: AxiosInstance, orderId: string, lines: { sku: string; qty: number }[]) {
  // idempotency key = order id; inventory dedupes on it for 24h
  return client.post('/api/v2/reservations/', { order_id: orderId, lines }, {
    headers: { 'Idempotency-Key': orderId },
  });
}
