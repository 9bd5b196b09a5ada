import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AccountNotFoundError } from '../../../adapters/errors.js';
import { recordAccountChange } from '../../access/account-changes.js';
import { ConsentPolicy } from '../../access/consent.js';
import { EnrollmentRefusal, examineEnrollment, saveEnrollment } from '../../access/enrollment.js';
import { startFaceService } from '../../access/face-service.js';
import { progressBar } from '../progress.js';
import { asCliError } from '../expected-errors.js';
import { CliError, parse, UsageError } from '../parse.js';
import { withStore } from '../with-store.js';

const usage = 'facegate enroll ID PHOTO... --consent-recorded-by TEXT [--replace] [--config PATH]';

/**
 * Enrols an existing account from photos: every photo must show exactly one face, clear enough to
 * sign in with, and all the same person; otherwise nothing is stored. With --replace the account's
 * earlier templates go; without, these are added to them. The person did not tick a box here: the
 * operator states where their consent was given (--consent-recorded-by), recorded with the policy
 * version, unless the configuration does not ask for consent.
 */
export async function enroll(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { replace: { type: 'boolean' }, 'consent-recorded-by': { type: 'string' } },
    usage,
  );
  const [accountId, ...photos] = positionals;
  if (!accountId || photos.length === 0)
    throw new UsageError(`give an account id and at least one photo\nusage: ${usage}`);
  return withStore(values.config, async (store, config, file) => {
    const consent = new ConsentPolicy(config.consent, store.consents);
    const recordedBy = consentRecordedBy(values['consent-recorded-by'], consent);
    if (!(await store.accounts.get(accountId))) {
      throw new CliError(
        `no account "${accountId}": create it first with \`facegate accounts add ${accountId} --name ...\``,
      );
    }
    const images = await Promise.all(
      photos.map((p) =>
        readFile(p).catch((e: NodeJS.ErrnoException) => {
          throw new CliError(`${p}: cannot read it (${e.code})`);
        }),
      ),
    );
    const face = await startFaceService({ ...config.face, workers: 1 }, store, dirname(file)).catch(
      (error: unknown) => {
        throw asCliError(error);
      },
    );
    try {
      const progress = progressBar(`checking ${images.length} photo${images.length === 1 ? '' : 's'}`);
      let embeddings: Float32Array[];
      try {
        embeddings = await examineEnrollment(
          face,
          images,
          { accountId, replace: values.replace ?? false },
          (done, total) => progress.update(done, total),
        );
      } catch (error) {
        if (!(error instanceof EnrollmentRefusal)) throw error;
        progress.finish();
        const which = error.image === undefined ? '' : `${photos[error.image]}: `;
        const instead =
          error.code === 'not_account_holder' ? ' (--replace enrols this face in place of the enrolled one)' : '';
        console.error(`facegate enroll: ${which}${error.message} (${error.code})${instead}; nothing was stored`);
        return 1;
      }
      progress.finish();
      await saveEnrollment(store, face.model, accountId, embeddings, {
        replace: values.replace ?? false,
        recordConsent: () => consent.record(accountId, 'operator', { recordedBy }),
      });
      await recordAccountChange(store.audit, values.replace ? 'templates_replaced' : 'templates_added', accountId, {
        templates: embeddings.length,
        consentVersion: consent.required ? consent.version : null,
      });
      console.log(
        `enrolled ${accountId}: ${embeddings.length} template${embeddings.length === 1 ? '' : 's'} ${values.replace ? 'replace the earlier ones' : 'added'}`,
      );
      return 0;
    } catch (error) {
      if (error instanceof AccountNotFoundError) throw new CliError(error.message);
      throw error;
    } finally {
      await face.close();
    }
  });
}

/** The operator's statement of where consent was given: required when the configuration asks for consent. */
function consentRecordedBy(given: string | undefined, consent: ConsentPolicy): string | undefined {
  const text = given?.trim();
  if (!consent.required) {
    if (text) console.error('facegate enroll: consent.required is false in the configuration: no consent is recorded');
    return undefined;
  }
  if (!text) {
    throw new CliError(
      `the configuration asks for consent (consent.required, policy version ${consent.version}): say where this person gave it, e.g. --consent-recorded-by "signed paper form, front desk, ${new Date().toISOString().slice(0, 10)}" (or set consent.required to false)`,
    );
  }
  if (text.length > 500) throw new CliError('--consent-recorded-by is longer than 500 characters: shorten it');
  return text;
}
