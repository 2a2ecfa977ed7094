// Her choices for notices, kept in this browser (localStorage, staff console only: the visitor's
// pages never store anything). Sound is on unless she turned it off; desktop notifications need
// the browser's permission, asked for only when she presses the button.
import { useSyncExternalStore } from 'react';

const soundKey = 'baken.console.sound';
const desktopKey = 'baken.console.desktopNotices';
const listeners = new Set<() => void>();

function read(key: string): boolean {
  try {
    return localStorage.getItem(key) !== 'off';
  } catch {
    return true; // storage refused (private mode): the default
  }
}

function write(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? 'on' : 'off');
  } catch {
    // not remembered, still changed for now
  }
  changed();
}

function changed(): void {
  snapshot = current();
  for (const l of listeners) l();
}

export type DesktopPermission = 'unsupported' | NotificationPermission;

export interface NoticePreferences {
  sound: boolean;
  desktop: boolean;
  permission: DesktopPermission;
}

function current(): NoticePreferences {
  return {
    sound: read(soundKey),
    desktop: read(desktopKey),
    permission: typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  };
}

let snapshot: NoticePreferences | null = null;

export function noticePreferences(): NoticePreferences {
  snapshot ??= current();
  return snapshot;
}

export const setSound = (on: boolean) => write(soundKey, on);
export const setDesktop = (on: boolean) => write(desktopKey, on);

/** Asks the browser once, on her press of the button. */
export async function askDesktopPermission(): Promise<void> {
  if (typeof Notification === 'undefined') return;
  await Notification.requestPermission();
  write(desktopKey, true);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNoticePreferences(): NoticePreferences {
  return useSyncExternalStore(subscribe, noticePreferences);
}

/** Desktop notifications go out when the browser allows them and she has not turned them off. */
export function desktopAllowed(preferences: NoticePreferences): boolean {
  return preferences.permission === 'granted' && preferences.desktop;
}
