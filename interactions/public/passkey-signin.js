// A passkey on the sign-in page: alone ("Use a passkey instead"), or as the step after the face
// when the application asks for both. The browser's own prompt does the rest (@simplewebauthn/browser,
// served from the installed package as /static/webauthn/); the server decides.
import { postForJson, setStatus } from './camera.js';
import { t } from './words.js';

const { browserSupportsWebAuthn, startAuthentication } = window.SimpleWebAuthnBrowser;
const status = document.getElementById('status');
// The page is /interaction/:uid.
const base = window.location.pathname.replace(/\/$/, '');

for (const button of [document.getElementById('use-passkey'), document.getElementById('passkey-step')]) {
  if (!button) continue;
  if (!browserSupportsWebAuthn()) {
    button.disabled = true;
    if (!button.hidden) setStatus(status, t('passkey.script.unsupported'), 'error');
    continue;
  }
  button.addEventListener('click', () => usePasskey(button));
}

async function usePasskey(button) {
  button.disabled = true;
  try {
    const offered = await postForJson(`${base}/passkey/options`, { method: 'POST' });
    if (!offered.body.options) return finishOrSay(offered);
    setStatus(status, t('passkey.script.waiting'), 'busy');
    let response;
    try {
      response = await startAuthentication({ optionsJSON: offered.body.options });
    } catch {
      setStatus(status, t('passkey.script.cancelled'), 'error');
      return;
    }
    setStatus(status, t('passkey.script.checking'), 'busy');
    const answer = await postForJson(`${base}/passkey`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response }),
    });
    if (answer.body.status === 'accepted') {
      setStatus(status, t('passkey.script.accepted'), 'success');
      window.location.assign(answer.body.redirectTo);
      return;
    }
    finishOrSay(answer);
  } finally {
    button.disabled = false;
  }
}

/** The sign-in ended (no attempt left): say so and go back to the application; else say what went wrong. */
function finishOrSay({ status: code, body }) {
  if (body.status === 'ended') {
    setStatus(status, body.message, 'error');
    setTimeout(() => window.location.assign(body.redirectTo), 2500);
    return;
  }
  const left =
    typeof body.attemptsLeft === 'number' && body.error === 'passkey_refused'
      ? ` ${t('script.attempts_left', { count: body.attemptsLeft })}`
      : '';
  setStatus(status, (body.message ?? t('script.went_wrong', { status: code })) + left, 'error');
}
