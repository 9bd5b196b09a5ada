// The face sign-in page: start the camera, take a frame (or, with the liveness check, a burst that
// follows the server's prompts), let the server decide.
import { captureFrame, postForJson, runChallenge, setStatus, startButton } from './camera.js';
import { t } from './words.js';

const form = document.getElementById('signin');
const video = document.getElementById('preview');
const camera = document.getElementById('camera');
const status = document.getElementById('status');
const start = document.getElementById('start');
const verify = document.getElementById('verify');
const account = document.getElementById('account');
const prompt = document.getElementById('prompt');
const { uid } = form.dataset;
const liveness = form.dataset.liveness === 'true';
const BUSY_RETRIES = 3;

startButton({ start, video, camera, status, ready: t('script.signin_ready') }, () => {
  verify.hidden = false;
  verify.disabled = false;
  verify.focus();
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  verify.disabled = true;
  // Busy at once: the previous refusal must not stay on screen while the frame is captured.
  setStatus(status, t('script.taking_picture'), 'busy');
  // The account typed, if any, goes with the challenge too: the limits on it apply from there.
  const query = account?.value.trim() ? `?account=${encodeURIComponent(account.value.trim())}` : '';
  const attempt = await takeAttempt(query);
  camera.dataset.state = 'checking';
  setStatus(status, t('script.checking_face'), 'busy');
  const { status: code, body } =
    attempt.failed ?? (await sendAttempt(`/interaction/${encodeURIComponent(uid)}/face${query}`, attempt));
  camera.dataset.state = body.status === 'accepted' ? 'accepted' : 'on';
  if (body.status === 'passkey_required') {
    // Face plus passkey: the face is done; the passkey of the same account is the next step (passkey-signin.js).
    video.srcObject?.getTracks().forEach((track) => track.stop());
    camera.dataset.state = 'done';
    verify.hidden = true;
    start.hidden = true;
    setStatus(status, body.message, 'success');
    const next = document.getElementById('passkey-step');
    next.hidden = false;
    next.focus();
    return;
  }
  if (body.status === 'accepted') {
    setStatus(status, t('script.recognised'), 'success');
    window.location.assign(body.redirectTo);
    return;
  }
  if (body.status === 'ended') {
    video.srcObject?.getTracks().forEach((track) => track.stop());
    camera.dataset.state = 'off';
    verify.hidden = true;
    if (account) account.closest('details').hidden = true;
    setStatus(status, body.message, 'error');
    setTimeout(() => window.location.assign(body.redirectTo), 2500);
    return;
  }
  if (body.status === 'need_account' && account) {
    account.closest('details').open = true;
    account.focus();
  }
  const left =
    typeof body.attemptsLeft === 'number' && body.error === 'not_recognised'
      ? ` ${t('script.attempts_left', { count: body.attemptsLeft })}`
      : '';
  setStatus(status, (body.message ?? t('script.went_wrong', { status: code })) + left, 'error');
  verify.disabled = false;
});

/** One frame; or with the liveness check, the server's challenge played and its burst of frames. */
async function takeAttempt(query) {
  if (!liveness) return { headers: { 'Content-Type': 'image/jpeg' }, body: await captureFrame(video) };
  const challenge = await postForJson(`/interaction/${encodeURIComponent(uid)}/challenge${query}`, { method: 'POST' });
  if (!challenge.body.challenge) return { failed: challenge };
  setStatus(status, t('script.follow_prompts'), 'busy');
  const frames = await runChallenge({ video, camera, prompt }, challenge.body.steps, challenge.body.frameIntervalMs);
  const body = new FormData();
  body.append('challenge', challenge.body.challenge);
  frames.forEach((frame, i) => body.append('frame', frame, `frame-${i + 1}.jpg`));
  return { body };
}

/** Posts the attempt; when the server is busy (503), waits as it asks and tries again, a few times. */
async function sendAttempt(url, { headers, body }) {
  for (let tries = 1; ; tries++) {
    const answer = await postForJson(url, { method: 'POST', headers, body });
    if (answer.body.error !== 'busy' || tries === BUSY_RETRIES) return answer;
    setStatus(status, t('script.crowded'), 'busy');
    await new Promise((resolve) => setTimeout(resolve, 1000 * (Number(answer.body.retryAfter) || 2)));
  }
}
