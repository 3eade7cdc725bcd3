import type { Hono } from 'hono';
import type { AppEnv } from '../../src/server/context';

/** The password every test account signs up with. */
export const TEST_PASSWORD = 'correct horse battery';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** What @hono/node-server passes as the environment of a request, as far as the peer address goes. */
export function connectionFrom(remoteAddress: string) {
  return { incoming: { socket: { remoteAddress } } };
}

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class TestClient {
  cookie = '';
  csrf = '';
  token = '';
  userId = '';
  /** The network address the requests come from (none: in-process, as most tests). */
  address = '';

  constructor(private readonly app: Hono<AppEnv>) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h['content-type'] ??= 'application/json';
    if (this.token) h.authorization = `Bearer ${this.token}`;
    else if (this.cookie) {
      h.cookie = this.cookie;
      if (method !== 'GET') h['x-csrf-token'] = this.csrf;
    }
    const res = await this.app.request(
      path,
      {
        method,
        headers: h,
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      },
      this.address ? connectionFrom(this.address) : undefined,
    );
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => /^(__Host-)?headway_session=/.test(c));
    if (session) this.cookie = session.split(';')[0] as string;
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (e.g. the plain-text root page).
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /**
   * POSTs a body as it is (a FormData sets its own multipart content type), for uploads and for
   * bodies no JSON encoder would make.
   */
  async postBody<T = unknown>(
    path: string,
    body: FormData | string | Uint8Array,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const h: Record<string, string> = { ...headers };
    let bytes = body;
    if (body instanceof FormData) {
      // As a browser sends it: encoded, with its boundary and its length.
      const encoded = new Response(body);
      bytes = new Uint8Array(await encoded.arrayBuffer());
      h['content-type'] ??= encoded.headers.get('content-type') ?? '';
      h['content-length'] ??= String(bytes.byteLength);
    }
    if (this.token) h.authorization = `Bearer ${this.token}`;
    else if (this.cookie) {
      h.cookie = this.cookie;
      h['x-csrf-token'] = this.csrf;
    }
    const res = await this.app.request(path, { method: 'POST', headers: h, body: bytes as BodyInit });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON.
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Signs up a new person and keeps their session. */
  async signUp(
    name: string,
    email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2, 8)}@example.com`,
  ) {
    const res = await this.post<{ user: { id: string }; csrfToken: string }>('/api/auth/signup', {
      email,
      name,
      password: TEST_PASSWORD,
    });
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrf = res.body.csrfToken;
    this.userId = res.body.user.id;
    return { email, id: res.body.user.id };
  }
}
