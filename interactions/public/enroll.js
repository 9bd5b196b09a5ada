// The enrolment page: a few pictures a moment apart, sent together; the server checks them all.
import { captureFrame, postForJson, runChallenge, setStatus, startButton } from './camera.js';

const form = document.getElementById('enroll');
const video = document.getElementById('preview');
const camera = document.getElementById('camera');
const status = document.getElementById('status');
const start = document.getElementById('start');
const capture = document.getElementById('capture');
const shots = document.getElementById('shots');
const name = document.getElementById('name');
const prompt = document.getElementById('prompt');
const { token } = form.dataset;
const count = Number(form.dataset.minFrames);
const PAUSE_MS = 700;

startButton({ start, video, camera, status, ready: 'Look straight at the camera, then press “Take pictures”.' }, () => {
  capture.disabled = false;
  capture.focus();
});

/** A live burst answering the server's challenge, ready to send; or the plain pictures. */
async function takePictures(body) {
  if (form.dataset.liveness === 'true') {
    const challenge = await postForJson(`/enroll/${encodeURIComponent(token)}/challenge`, { method: 'POST' });
    if (!challenge.body.challenge) return challenge;
    setStatus(status, 'Follow the prompts on the picture.', 'busy');
    const frames = await runChallenge({ video, camera, prompt }, challenge.body.steps, challenge.body.frameIntervalMs);
    body.append('challenge', challenge.body.challenge);
    frames.forEach((frame, i) => body.append('frame', frame, `frame-${i + 1}.jpg`));
    return null;
  }
  for (let i = 0; i < count; i++) {
    setStatus(status, `Picture ${i + 1} of ${count}: hold still…`, 'busy');
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    const frame = await captureFrame(video);
    body.append('frame', frame, `frame-${i + 1}.jpg`);
    const item = document.createElement('li');
    item.textContent = `Picture ${i + 1}`;
    shots.append(item);
  }
  return null;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  capture.disabled = true;
  shots.replaceChildren();
  const body = new FormData();
  const failed = await takePictures(body);
  if (failed) {
    setStatus(status, failed.body.message ?? 'The check could not start. Try again.', 'error');
    capture.disabled = false;
    return;
  }
  if (name?.value.trim()) body.append('name', name.value.trim());
  setStatus(status, 'Checking your pictures…', 'busy');
  const { status: code, body: answer } = await postForJson(`/enroll/${encodeURIComponent(token)}`, { method: 'POST', body });
  if (answer.status === 'enrolled') {
    setStatus(status, answer.message, 'success');
    camera.dataset.state = 'done';
    video.srcObject?.getTracks().forEach((track) => track.stop());
    return;
  }
  const which = typeof answer.frame === 'number' ? `Picture ${answer.frame + 1}: ` : '';
  setStatus(status, which + (answer.message ?? `Something went wrong (HTTP ${code}). Try again.`), 'error');
  capture.disabled = answer.error === 'invalid_link';
  if (answer.error === 'invalid_link') capture.hidden = true;
});
