// The /account page: its times in the browser's own time zone. Everything else is plain forms.
import { localTimes } from './words.js';

localTimes();
