// The referral token her start page was opened with (?via=, from a partner's link, poster or
// widget). Taken out of the address at once (a reload or a copied link does not count again,
// and the address bar no longer shows it), counted once as an arrival, and then held in this
// page's memory only, to go along with the chat start. Never stored in the tab or on the chat.
let via: string | undefined;

export function takeReferralFromAddress(): void {
  const url = new URL(location.href);
  const raw = url.searchParams.get('via');
  if (raw === null) return;
  url.searchParams.delete('via');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  via = raw.trim().slice(0, 128);
  if (!via) return;
  void fetch('/api/visibility/arrivals', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ via }),
    credentials: 'omit',
    keepalive: true,
  }).catch(() => undefined);
}

/** The token for the chat start, if the page was opened with one. */
export function referralVia(): string | undefined {
  return via;
}
