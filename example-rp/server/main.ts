/**
 * `npm run example-rp`: the example RP alone, against any OpenID provider, e.g.
 * `npm run example-rp -- --authority https://id.example.com --client-id my-spa`.
 * (`npm start` runs it beside facegate instead: src/cli/verbs/start.ts.)
 */
import { ensureBuilt } from './ensure-built.js';
import { exampleRpOptions } from './options.js';
import { startExampleRp } from './server.js';

async function main(): Promise<number> {
  let rp;
  try {
    const options = exampleRpOptions(process.argv.slice(2));
    await ensureBuilt(undefined, (reason) =>
      console.log(`example RP: building the app (${reason === 'missing' ? 'not built yet' : 'sources changed'})`),
    );
    rp = await startExampleRp(options);
    console.log(`example RP: ${rp.url} (provider ${options.authority}, client_id ${options.clientId})`);
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { port?: number };
    const message =
      e.code === 'EADDRINUSE'
        ? `port ${e.port} is in use: stop the other server, or choose another with --port (and register its /callback with the provider)`
        : e.message;
    console.error(`example RP: ${message}`);
    return 1;
  }
  await new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await rp.close();
  return 0;
}

process.exitCode = await main();
