import { ref, type Ref } from 'vue';
import { useRouter } from 'vue-router';
import { errorPage } from './error-route';

/**
 * A button's action that sends the browser to the provider (sign-in, sign-out): busy until the
 * page unloads; when it cannot start (provider down, discovery refused), the error page says why.
 */
export function useProviderRedirect(start: () => Promise<void>): { busy: Ref<boolean>; go: () => Promise<void> } {
  const router = useRouter();
  const busy = ref(false);
  async function go(): Promise<void> {
    busy.value = true;
    try {
      await start();
    } catch (error) {
      busy.value = false;
      await router.push(errorPage(error));
    }
  }
  return { busy, go };
}
