import { CookieJar } from './cookie-jar.js';

/**
 * A user agent for the tests: real HTTP with a cookie jar, following the provider's redirects by
 * hand so a test sees every hop. It never follows a redirect that leaves the provider (the RP's
 * callback): that URL is what the test hands to the RP library.
 */
export interface RequestOptions {
  method?: string;
  form?: Record<string, string>;
  /** A raw body (an image, a FormData for multipart) and its type. */
  body?: RequestInit['body'];
  contentType?: string;
  accept?: string;
}

export class Browser {
  private readonly cookies = new CookieJar();
  /** Every Set-Cookie line the provider sent, as sent (flags included). */
  readonly setCookieLines: string[] = [];

  /** `headers` go with every request (X-Forwarded-Proto, as a TLS-terminating proxy adds it). */
  constructor(
    private readonly origin: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(url: string | URL, init: RequestOptions = {}): Promise<Response> {
    const target = new URL(url, this.origin);
    const headers: Record<string, string> = { ...this.headers, accept: init.accept ?? 'text/html' };
    const cookie = this.cookies.header(target);
    if (cookie) headers.cookie = cookie;
    let body: RequestInit['body'] | undefined = init.body;
    if (init.contentType) headers['content-type'] = init.contentType;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const method = init.method ?? (body === undefined ? 'GET' : 'POST');
    const response = await fetch(target, { method, headers, body, redirect: 'manual' });
    if (target.origin === this.origin) {
      this.setCookieLines.push(...response.headers.getSetCookie());
      this.cookies.keep(response.headers.getSetCookie());
    }
    return response;
  }

  /** A JSON API call as the page's script makes it (same cookies). */
  async json(
    url: string | URL,
    init: RequestOptions = {},
  ): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
    const response = await this.request(url, { accept: 'application/json', ...init });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  /**
   * Follows redirects while they stay on the provider; returns the last response, or the URL
   * outside the provider that it was redirected to.
   */
  async navigate(url: string | URL, init: RequestOptions = {}): Promise<{ response: Response; url: URL }> {
    let response = await this.request(url, init);
    let at = new URL(url, this.origin);
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: at };
      at = new URL(location, at);
      if (at.origin !== this.origin) return { response, url: at };
      response = await this.request(at);
    }
    throw new Error('too many redirects');
  }

  /** The Cookie header it would send to `url` (for a request made by other means, such as a streamed upload). */
  cookieHeader(url: string | URL): string {
    return this.cookies.header(new URL(url, this.origin));
  }

  /** The values of the cookies it holds now. */
  cookieValues(): string[] {
    return this.cookies.values();
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }
}
