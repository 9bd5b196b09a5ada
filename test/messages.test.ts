import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInvitation } from '../src/access/invitations.js';
import { en } from '../src/messages/en.js';
import { CATALOGS, chooseLanguage, LANGUAGES } from '../src/messages/languages.js';
import { placeholdersOf, say, translate } from '../src/messages/translate.js';
import { inEnglish, tooManyAttemptsSentence } from '../src/sentences.js';
import { Browser } from './support/browser.js';
import { startTestFacegate, type TestFacegate } from './support/facegate.js';
import { openFacePage } from './helpers/face-page.js';
import { temporaryFolder } from './helpers/stores.js';

const english = Object.keys(en).sort();

describe('message catalogs', () => {
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    const catalog: Record<string, string> = CATALOGS[language];

    it(`${language} has every key English has, and none English lacks`, () => {
      const keys = Object.keys(catalog).sort();
      expect(
        english.filter((key) => !keys.includes(key)),
        `missing from ${language}`,
      ).to.deep.equal([]);
      expect(
        keys.filter((key) => !english.includes(key)),
        `in ${language} but not in English`,
      ).to.deep.equal([]);
    });

    it(`${language} has the same {placeholders} as English, key by key, and no sentence left empty or in English`, () => {
      for (const key of english) {
        const text = catalog[key] ?? '';
        expect(placeholdersOf(text), `${language} ${key}: ${text}`).to.deep.equal(
          placeholdersOf(en[key as keyof typeof en]),
        );
        expect(text.trim(), `${language} ${key}`).to.not.equal('');
      }
      // A sentence copied from English untranslated (names, codes and formats may stay the same).
      const same = english.filter(
        (key) => /[a-z]{4,} [a-z]{3,}/.test(catalog[key]!) && catalog[key] === en[key as keyof typeof en],
      );
      expect(same, `${language} sentences identical to English`).to.deep.equal([]);
    });
  }

  it('a counted sentence takes the plural form the language gives its count', () => {
    expect(translate('en', 'script.attempts_left', { count: 1 })).to.equal('1 attempt left.');
    expect(translate('en', 'script.attempts_left', { count: 4 })).to.equal('4 attempts left.');
    expect(translate('de', 'script.attempts_left', { count: 1 })).to.equal('Noch 1 Versuch.');
    expect(translate('de', 'script.attempts_left', { count: 3 })).to.equal('Noch 3 Versuche.');
    // French counts 0 as singular.
    expect(translate('fr', 'script.attempts_left', { count: 0 })).to.equal('Il reste 0 tentative.');
    expect(translate('es', 'script.attempts_left', { count: 2 })).to.equal('Quedan 2 intentos.');
    expect(inEnglish(tooManyAttemptsSentence(1))).to.equal('Too many attempts. Wait 1 second and try again.');
    expect(inEnglish(tooManyAttemptsSentence(600))).to.equal('Too many attempts. Wait 10 minutes and try again.');
  });

  it('numbers in a sentence are written the way its language writes them', () => {
    const values = say('frames.body_too_large', { bytes: 16_777_216 }).values;
    expect(translate('en', 'frames.body_too_large', values)).to.include('16,777,216 bytes');
    expect(translate('de', 'frames.body_too_large', values)).to.include('16.777.216 Byte');
    expect(translate('fr', 'frames.body_too_large', values)).to.match(/16\s777\s216 octets/);
  });

  it('every key the views and the pages’ scripts name is in the catalogs', () => {
    const folder = join(process.cwd(), 'interactions');
    const files = [
      ...readdirSync(join(folder, 'views')).map((name) => join(folder, 'views', name)),
      ...readdirSync(join(folder, 'public'))
        .filter((name) => name.endsWith('.js'))
        .map((name) => join(folder, 'public', name)),
    ];
    const named = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(?:t|strong|markup)\('([\w.]+)'/g)].map((m) => ({ file, key: m[1]! })),
    );
    expect(named.length).to.be.greaterThan(40);
    const counted = (key: string) => Object.hasOwn(en, `${key}#other`);
    expect(named.filter(({ key }) => !Object.hasOwn(en, key) && !counted(key))).to.deep.equal([]);
  });
});

describe('choosing the language', () => {
  it('takes the first of ui_locales that facegate speaks, by language whatever the region', () => {
    expect(chooseLanguage('de', undefined)).to.equal('de');
    expect(chooseLanguage('ja fr-CA de', undefined)).to.equal('fr');
    expect(chooseLanguage('es-419', 'de')).to.equal('es');
  });

  it('then the heaviest of Accept-Language it speaks, then English', () => {
    expect(chooseLanguage('ja', 'ja, de-DE;q=0.8, fr;q=0.9')).to.equal('fr');
    expect(chooseLanguage(undefined, 'de-CH,de;q=0.9,en;q=0.8')).to.equal('de');
    expect(chooseLanguage(undefined, 'es;q=0, en;q=0.1')).to.equal('en');
    expect(chooseLanguage(undefined, 'it, pt')).to.equal('en');
    expect(chooseLanguage(undefined, undefined)).to.equal('en');
    expect(chooseLanguage(['de'], '*')).to.equal('en');
  });
});

describe('the pages and answers in the person’s language', function () {
  this.timeout(60_000);
  let facegate: TestFacegate;
  let issuer: URL;

  before(async () => {
    facegate = await startTestFacegate(
      { type: 'sqlite', file: join(temporaryFolder(), 'messages.sqlite') },
      undefined,
      {
        face: { workers: 1 },
      },
    );
    issuer = new URL(facegate.issuer);
  });
  after(async () => {
    await facegate?.close();
  });

  it('discovery names the languages (ui_locales_supported)', async () => {
    const discovery = (await (await fetch(new URL('/.well-known/openid-configuration', issuer))).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.ui_locales_supported).to.deep.equal(['en', 'de', 'fr', 'es']);
    expect(discovery.claim_types_supported).to.deep.equal(['normal']);
  });

  it('ui_locales=de gives the sign-in page in German, over the browser’s Accept-Language, and its refusals too', async () => {
    const face = await openFacePage(issuer, { params: { ui_locales: 'de' }, headers: { 'Accept-Language': 'fr' } });
    expect(face.html).to.include('<html lang="de">');
    expect(face.html).to.include('Meine Identität bestätigen');
    expect(face.html).to.include('Kamera starten');
    expect(face.html).to.not.include('Verify my identity');
    // The refusal of a request its page did not make (no frame) speaks the interaction's language.
    const empty = await face.browser.json(`${face.page.pathname}/face`, {
      method: 'POST',
      body: new Uint8Array(0),
      contentType: 'image/jpeg',
    });
    expect(empty.body).to.include({ error: 'empty_body', message: CATALOGS.de['frames.empty_body'] });
  });

  it('without ui_locales, the browser’s Accept-Language; with neither, English', async () => {
    const french = await openFacePage(issuer, { headers: { 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.5' } });
    expect(french.html).to.include('<html lang="fr">').and.include('Vérifier mon identité');
    const plain = await openFacePage(issuer);
    expect(plain.html).to.include('<html lang="en">').and.include('Verify my identity');
  });

  it('the error page oidc-provider renders is ours, in the language asked for; its error_description stays oidc-provider’s', async () => {
    const browser = new Browser(issuer.origin);
    const response = await browser.request(
      `/auth?client_id=nobody&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('http://localhost:9999/cb')}&ui_locales=es`,
    );
    expect(response.status).to.equal(400);
    expect(response.headers.get('content-language')).to.equal('es');
    const html = await response.text();
    expect(html).to.include('<html lang="es">').and.include(CATALOGS.es.invalid_client).and.include('Código de error');
  });

  it('the enrolment page follows Accept-Language, and says until when its link works in that language', async () => {
    const { link, expiresAt } = await createInvitation(facegate.store.invitations, facegate.issuer, {
      accountId: 'zoe',
      ttlSeconds: 3600,
    });
    const html = await (await fetch(link, { headers: { 'Accept-Language': 'es-MX' } })).text();
    expect(html).to.include('<html lang="es">').and.include('Registrar su rostro');
    const date = new Intl.DateTimeFormat('es', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(
      expiresAt,
    );
    expect(html).to.include(`<time datetime="${new Date(expiresAt).toISOString()}">${date} UTC</time>`);
  });
});
