/** A page's filters and page number as its address keeps them (`?role=agency&page=2`). */
export interface UrlState<K extends string> {
  readonly filter: Partial<Record<K, string>>;
  readonly page: number;
}

export function readUrlState<K extends string>(
  params: URLSearchParams,
  keys: readonly K[],
): UrlState<K> {
  const filter: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  const page = Math.max(1, Math.floor(Number(params.get('page') ?? '1')) || 1);
  return { filter, page };
}

export function writeUrlState<K extends string>(state: UrlState<K>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filter) as [K, string | undefined][]) {
    if (value) params.set(key, value);
  }
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}
