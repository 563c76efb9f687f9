import { useAddress } from '../layout/use-address';
import { readUrlState, writeUrlState, type UrlState } from './url-state';

/** A change of some filters (kept with the others), and the page to show (the first unless told). */
export type UrlStateChange<K extends string> = (
  patch: Partial<Record<K, string | undefined>>,
  page?: number,
) => void;

/**
 * A page's filters and page number kept in its address; a change is merged with the address as it
 * is when made (useAddress), so two quick changes both stay.
 */
export function useUrlState<K extends string>(
  keys: readonly K[],
): UrlState<K> & { readonly go: UrlStateChange<K>; readonly clear: () => void } {
  const [params, changeAddress] = useAddress();
  const go: UrlStateChange<K> = (patch, page = 1) =>
    changeAddress((now) =>
      writeUrlState({ filter: { ...readUrlState(now, keys).filter, ...patch }, page }),
    );
  const clear = () => changeAddress(() => new URLSearchParams());
  return { ...readUrlState(params, keys), go, clear };
}
