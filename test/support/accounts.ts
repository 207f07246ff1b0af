import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.ts';

/** A browser's cookie jar, reduced to what the account tests need. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: LightMyRequestResponse): void {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (c.value === '' || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (match?.[1] === undefined) throw new Error('no CSRF field on the page');
  return match[1];
}

/** GETs a page as a browser would, keeping cookies. */
export async function getPage(app: TestApp, jar: CookieJar, url: string) {
  const response = await app.inject({
    method: 'GET',
    url,
    headers: { accept: 'text/html', cookie: jar.header() },
  });
  jar.take(response);
  return response;
}

/** POSTs a form as a browser would, keeping cookies. */
export async function postForm(
  app: TestApp,
  jar: CookieJar,
  url: string,
  fields: Readonly<Record<string, string>>,
) {
  const response = await app.inject({
    method: 'POST',
    url,
    headers: {
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
      cookie: jar.header(),
    },
    payload: new URLSearchParams(fields).toString(),
  });
  jar.take(response);
  return response;
}

/** The first link in a mail's text that points at a sign-in page. */
export function linkOf(text: string | undefined): string {
  const match = /https?:\/\/\S+\/sign-in\/[\w-]{43}\S*/.exec(text ?? '');
  if (match === null) throw new Error('no sign-in link in the mail');
  return match[0];
}

/** Signs in through the page, the mail and the link's button; returns the jar holding the session. */
export async function signIn(
  app: TestApp,
  email: string,
  nextMail: () => Promise<string | undefined>,
  lang = 'en',
): Promise<CookieJar> {
  const jar = new CookieJar();
  const form = await getPage(app, jar, `/${lang}/sign-in`);
  await postForm(app, jar, `/${lang}/sign-in`, { _csrf: csrfOf(form.body), email });
  const path = new URL(linkOf(await nextMail())).pathname;
  const confirm = await getPage(app, jar, path);
  await postForm(app, jar, path, { _csrf: csrfOf(confirm.body) });
  return jar;
}
