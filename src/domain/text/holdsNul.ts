// A NUL character in text is never meant (no form field types one) and PostgreSQL text cannot
// hold it: input that carries one is refused before it reaches the store.

/** Whether any string (or key) in this parsed value holds a NUL, at any depth, without recursion. */
export function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (v !== null && typeof v === 'object') {
      for (const [key, inner] of Object.entries(v)) {
        if (key.includes('\u0000')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}
