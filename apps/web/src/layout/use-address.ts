import { useSearchParams } from 'react-router';

/** A change of the address's parameters, from the parameters it has when the change is made. */
export type AddressChange = (change: (now: URLSearchParams) => URLSearchParams) => void;

/**
 * The page's address parameters (as rendered), and a change of them computed from the address as
 * it is when the change is made, not as last rendered.
 *
 * React Router renders a navigation as a transition. Until that render commits, the page, and any
 * callback a component kept from an earlier render (the date picker commits a typed date through
 * such a callback), still see the previous address; the router's own functional
 * `setSearchParams(prev => …)` is handed that same rendered value, not a queue like React's state.
 * A second quick change (a date typed in "Từ ngày", then one in "Đến ngày" while the first is
 * still rendering, which is often on a busy phone) was then merged with the old address and the
 * first date was lost. The router writes the history entry synchronously when it navigates, so
 * `window.location` is the address now.
 */
export function useAddress(): readonly [URLSearchParams, AddressChange] {
  const [params, setParams] = useSearchParams();
  const change: AddressChange = (next) =>
    setParams(next(new URLSearchParams(window.location.search)));
  return [params, change];
}
