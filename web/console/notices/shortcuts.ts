// The console's keyboard shortcuts. Alt with a letter, so typing in the message box never
// triggers one; the physical key (event.code) so they work on any keyboard layout and with
// macOS's Option key, which changes the character typed. Ctrl+Alt is AltGr on many European
// keyboards (AltGr+E is €), so it never counts. "?" opens the list, only outside text fields.

export type ShortcutCommand = 'accept' | 'nextChat' | 'composer' | 'endChat' | 'help';

export interface KeyPress {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Focus is in a field where "?" is a character she types. */
  inTextField: boolean;
}

/** In the order the help dialog lists them; `keys` is what it shows. */
export const shortcuts: readonly { command: ShortcutCommand; code: string; keys: string }[] = [
  { command: 'accept', code: 'KeyA', keys: 'Alt+A' },
  { command: 'nextChat', code: 'KeyN', keys: 'Alt+N' },
  { command: 'composer', code: 'KeyM', keys: 'Alt+M' },
  { command: 'endChat', code: 'KeyE', keys: 'Alt+E' },
  { command: 'help', code: '', keys: '?' },
];

export function shortcutFor(press: KeyPress): ShortcutCommand | null {
  if (press.ctrlKey || press.metaKey) return null;
  if (press.altKey) {
    if (press.shiftKey) return null;
    return shortcuts.find((s) => s.code !== '' && s.code === press.code)?.command ?? null;
  }
  return press.key === '?' && !press.inTextField ? 'help' : null;
}

/** The chat after the one in view, round the list; the first when none is in view. */
export function nextChatId(order: readonly string[], selected: string | null): string | null {
  if (order.length === 0) return null;
  const at = selected ? order.indexOf(selected) : -1;
  return order[(at + 1) % order.length]!;
}
