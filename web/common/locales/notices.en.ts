// Console strings for notices and keyboard shortcuts, English. Same keys as notices.nl.ts.
import type { noticesNl } from './notices.nl.js';

export const noticesEn: typeof noticesNl = {
  notices: {
    title: 'Notices',
    sound: 'Sound for a new chat, an offer or a new message',
    desktopAsk: 'Turn on desktop notifications',
    desktopHint: 'A notification only says what happened, never what was written or who wrote it.',
    desktopOn: 'Desktop notifications',
    desktopDenied: 'Your browser blocks notifications from this site. You can allow them in your browser settings.',
    desktop: {
      offer: 'A chat is offered to you',
      queued: 'New chat in the queue',
      message: 'New message in a chat',
    },
  },
  shortcuts: {
    open: 'Keyboard shortcuts',
    title: 'Keyboard shortcuts',
    intro: 'These also work while you type in the message box. On a Mac, Alt is the Option key (⌥).',
    close: 'Close',
    keys: 'Keys',
    action: 'What it does',
    accept: 'Accept the chat offered to you, or the first in the queue',
    nextChat: 'Go to the next chat in your list',
    composer: 'Go to the message box',
    endChat: 'End the chat (you confirm first)',
    help: 'Open this list (not in a text field)',
    nothingToAccept: 'There is no chat to accept.',
  },
};
