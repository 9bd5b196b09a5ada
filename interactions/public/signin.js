// The face sign-in page: start the camera, take a frame, let the server decide.
import { captureFrame, postForJson, setStatus, startButton } from './camera.js';

const form = document.getElementById('signin');
const video = document.getElementById('preview');
const camera = document.getElementById('camera');
const status = document.getElementById('status');
const start = document.getElementById('start');
const verify = document.getElementById('verify');
const account = document.getElementById('account');
const { uid } = form.dataset;

startButton({ start, video, camera, status, ready: 'Centre your face in the frame, then press “Verify my identity”.' }, () => {
  verify.disabled = false;
  verify.focus();
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  verify.disabled = true;
  setStatus(status, 'Checking…', 'busy');
  const frame = await captureFrame(video);
  const query = account?.value.trim() ? `?account=${encodeURIComponent(account.value.trim())}` : '';
  const { status: code, body } = await postForJson(`/interaction/${encodeURIComponent(uid)}/face${query}`, {
    method: 'POST', headers: { 'Content-Type': 'image/jpeg' }, body: frame,
  });
  if (body.status === 'accepted') {
    setStatus(status, 'Recognised. Signing you in…', 'success');
    window.location.assign(body.redirectTo);
    return;
  }
  if (body.status === 'ended') {
    setStatus(status, body.message, 'error');
    setTimeout(() => window.location.assign(body.redirectTo), 2500);
    return;
  }
  if (body.status === 'need_account' && account) {
    account.closest('details').open = true;
    account.focus();
  }
  const left = typeof body.attemptsLeft === 'number' && body.error === 'not_recognised'
    ? ` ${body.attemptsLeft} attempt${body.attemptsLeft === 1 ? '' : 's'} left.` : '';
  setStatus(status, (body.message ?? `Something went wrong (HTTP ${code}). Try again.`) + left, 'error');
  verify.disabled = false;
});
