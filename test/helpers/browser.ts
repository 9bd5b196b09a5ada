/**
 * A user agent for the tests: real HTTP with a cookie jar, following the provider's redirects by
 * hand so a test sees every hop. It never follows a redirect that leaves the provider (the RP's
 * callback): that URL is what the test hands to the RP library.
 */
export interface RequestOptions {
  method?: string;
  form?: Record<string, string>;
  /** A raw body (an image, a FormData for multipart) and its type. */
  body?: RequestInit["body"];
  contentType?: string;
  accept?: string;
}

export class Browser {
  private readonly cookies = new Map<string, { value: string; path: string }>();
  /** Every Set-Cookie line the provider sent, as sent (flags included). */
  readonly setCookieLines: string[] = [];

  /** `headers` go with every request (X-Forwarded-Proto, as a TLS-terminating proxy adds it). */
  constructor(private readonly origin: string, private readonly headers: Record<string, string> = {}) {}

  async request(url: string | URL, init: RequestOptions = {}): Promise<Response> {
    const target = new URL(url, this.origin);
    const headers: Record<string, string> = { ...this.headers, accept: init.accept ?? 'text/html' };
    const cookie = this.cookieHeader(target);
    if (cookie) headers.cookie = cookie;
    let body: RequestInit["body"] | undefined = init.body;
    if (init.contentType) headers['content-type'] = init.contentType;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const method = init.method ?? (body === undefined ? 'GET' : 'POST');
    const response = await fetch(target, { method, headers, body, redirect: 'manual' });
    if (target.origin === this.origin) this.store(response.headers.getSetCookie());
    return response;
  }

  /** A JSON API call as the page's script makes it (same cookies). */
  async json(url: string | URL, init: RequestOptions = {}): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
    const response = await this.request(url, { accept: 'application/json', ...init });
    return { status: response.status, headers: response.headers, body: await response.json() as Record<string, unknown> };
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

  /** The values of the cookies it holds now. */
  cookieValues(): string[] {
    return [...this.cookies.values()].map((cookie) => cookie.value);
  }

  hasCookie(name: string): boolean {
    return [...this.cookies.keys()].some((key) => key.startsWith(`${name}|`));
  }

  private cookieHeader(url: URL): string {
    return [...this.cookies.entries()]
      .filter(([, cookie]) => url.pathname.startsWith(cookie.path))
      .map(([key, cookie]) => `${key.split('|')[0]}=${cookie.value}`)
      .join('; ');
  }

  private store(setCookies: string[]): void {
    this.setCookieLines.push(...setCookies);
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const [name, ...value] = pair!.split('=');
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) || '/';
      const expires = attributes.find((a) => /^expires=/i.test(a))?.slice(8);
      const key = `${name}|${path}`;
      if (expires && Date.parse(expires) <= Date.now()) this.cookies.delete(key);
      else this.cookies.set(key, { value: value.join('='), path });
    }
  }
}
