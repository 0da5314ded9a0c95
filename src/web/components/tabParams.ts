/**
 * The address after switching a page's tabs to `key`: `tab` set (left out for the page's first
 * tab), and the parameters in `keep` carried over as they were — each tab's own state, such as its
 * page (`?cpage=`, `?hpage=`), so going back to a tab finds it where it was left. Every other
 * parameter is dropped: one tab's parameter that another tab reads with another meaning (the Air
 * tab's `year` and the Climate tab's `year` on a city page) must not follow the switch.
 */
export function switchTab(prev: URLSearchParams, key: string, first: string, keep: readonly string[]): URLSearchParams {
  const next = new URLSearchParams();
  if (key !== first) next.set("tab", key);
  for (const k of keep) for (const v of prev.getAll(k)) next.append(k, v);
  return next;
}
