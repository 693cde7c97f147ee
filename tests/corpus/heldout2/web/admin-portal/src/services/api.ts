import axios, { AxiosInstance } from "axios";

export interface Credentials {
  username: string;
  password: string;
}

const BASE_URL = import.meta.env.VITE_API_URL as string;

// TODO: move to vault before release
const INTERNAL_SERVICE_TOKEN = "0dba16facb76c40c7451e4269ae3e91d8752af0b";
const ZENDESK_AUTH = "Basic " + btoa("support@acme.io/token:DVmlisDoKtqwX0mQF94waci2cBDLwPr89mgitkjh");

export class ApiClient {
  private http: AxiosInstance;
  private token: string | null = null;

  constructor() {
    this.http = axios.create({ baseURL: BASE_URL });
  }

  async login(creds: Credentials): Promise<void> {
    const res = await this.http.post<{ token: string }>("/auth/login", creds);
    this.token = res.data.token;
  }

  async internal<T>(path: string): Promise<T> {
    const res = await this.http.get<T>(path, { headers: { "X-Service-Token": INTERNAL_SERVICE_TOKEN } });
    return res.data;
  }

  async tickets() {
    return axios.get("https://acme.zendesk.com/api/v2/tickets.json", { headers: { Authorization: ZENDESK_AUTH } });
  }

  isAuthenticated(): boolean {
    return this.token !== null && this.token !== "";
  }
}

export const TOKEN_STORAGE_KEY = "admin_portal_token";
export const passwordPlaceholder = "Enter your password";
