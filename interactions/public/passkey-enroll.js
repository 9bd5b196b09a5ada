// A passkey offered on the enrolment page once the face is enrolled (optional, one, with the
// registration grant the enrolment's answer carried: it names the account; it works once, for 10
// minutes), and added from the /account page with a grant it asks for.
import { postForJson, setStatus } from './camera.js';
import { t } from './words.js';

export function offerPasskey(grant) {
  const offer = document.getElementById('passkey-offer');
  if (!offer || !window.SimpleWebAuthnBrowser) return;
  offer.hidden = false;
  addPasskeyOnClick(async () => grant);
}

/**
 * The "Add a passkey" button (#add-passkey) registers one with the grant `grantFor` gives (the
 * enrolment's, or one the /account page asks for); `onAdded` runs once it is stored.
 */
export function addPasskeyOnClick(grantFor, onAdded = () => {}) {
  const webauthn = window.SimpleWebAuthnBrowser;
  const add = document.getElementById('add-passkey');
  const status = document.getElementById('passkey-status');
  if (!add || !webauthn) return;
  if (!webauthn.browserSupportsWebAuthn()) {
    add.disabled = true;
    setStatus(status, t('passkey.script.unsupported'), 'error');
    return;
  }
  add.addEventListener('click', async () => {
    add.disabled = true;
    const json = (body) => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const grant = await grantFor();
    if (!grant) return refused({ status: 0, body: {} });
    const offered = await postForJson('/passkeys/register/options', json({ grant }));
    if (!offered.body.options) return refused(offered);
    setStatus(status, t('passkey.script.creating'), 'busy');
    let response;
    try {
      response = await webauthn.startRegistration({ optionsJSON: offered.body.options });
    } catch {
      setStatus(status, t('passkey.script.cancelled'), 'error');
      add.disabled = false;
      return;
    }
    const answer = await postForJson('/passkeys/register', json({ grant, response }));
    if (answer.body.status !== 'registered') return refused(answer);
    setStatus(status, answer.body.message, 'success');
    add.hidden = true;
    onAdded();
  });

  /** Says why; a grant that no longer works leaves nothing to press. */
  function refused({ status: code, body }) {
    setStatus(status, body.message ?? t('script.went_wrong', { status: code }), 'error');
    add.disabled = body.error === 'passkey_grant_invalid';
    add.hidden = add.disabled;
  }
}
