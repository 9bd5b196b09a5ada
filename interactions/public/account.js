// The /account page: its times in the browser's own time zone, and "Add a passkey" (a registration
// grant asked for with the page's CSRF token, then the same ceremony as on the enrolment page).
// Everything else is plain forms.
import { addPasskeyOnClick } from './passkey-enroll.js';
import { localTimes } from './words.js';

localTimes();

const add = document.getElementById('add-passkey');
if (add) {
  addPasskeyOnClick(
    async () => {
      const body = new URLSearchParams({ csrf: add.dataset.csrf });
      const answer = await fetch('/account/passkeys/grant', { method: 'POST', body }).catch(() => undefined);
      return answer?.ok ? (await answer.json()).grant : undefined;
    },
    () => setTimeout(() => window.location.reload(), 1200),
  );
}
