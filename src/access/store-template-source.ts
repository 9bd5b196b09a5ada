import type { TemplateStore } from '../../adapters/contract.js';
import type { GalleryTemplate, TemplateSource } from '../face/match/gallery.js';

/** The face gallery's view of the store's templates. */
export function storeTemplateSource(templates: TemplateStore): TemplateSource {
  return {
    async list(model: string): Promise<GalleryTemplate[]> {
      return (await templates.list(model)).map(({ accountId, embedding }) => ({ accountId, embedding }));
    },
    listForAccount: (accountId) => templates.listForAccount(accountId),
    usage: () => templates.usage(),
    follow: (listener) => templates.follow(listener),
  };
}
