// Client-chosen message ids: a resend with the same id is stored once by the server.
export function newClientId(): string {
  // randomUUID needs a secure context; fall back to getRandomValues on plain-HTTP test set-ups.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
