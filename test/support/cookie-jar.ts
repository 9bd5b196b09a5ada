/**
 * A browser's cookies, as far as facegate's flows need them: name, value and path, kept per host
 * (not per port, as browsers do), dropped when a Set-Cookie expires them.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  /** The Cookie header for a request to `url` ('' when none applies). */
  header(url: URL): string {
    return [...this.cookies.entries()]
      .filter(([, cookie]) => url.pathname.startsWith(cookie.path))
      .map(([key, cookie]) => `${key.split('|')[0]}=${cookie.value}`)
      .join('; ');
  }

  /** Takes in a response's Set-Cookie lines. */
  keep(setCookies: string[]): void {
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

  /** The values of the cookies it holds. */
  values(): string[] {
    return [...this.cookies.values()].map((cookie) => cookie.value);
  }

  has(name: string): boolean {
    return [...this.cookies.keys()].some((key) => key.startsWith(`${name}|`));
  }
}
