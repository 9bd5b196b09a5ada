import { createApp } from 'vue';
import App from './App.vue';
import { authKey, createAuth } from './auth';
import { fetchConfig } from './config';
import { createAppRouter } from './router';
import './style.css';

/** Reads /config.json, then mounts the app; a failure is shown in the page, not only in the console. */
async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  try {
    const auth = await createAuth(await fetchConfig());
    const app = createApp(App);
    app.provide(authKey, auth);
    app.use(createAppRouter(auth));
    app.mount(root);
  } catch (error) {
    root.className = 'startup-failure';
    root.textContent = `This app could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}

void start();
