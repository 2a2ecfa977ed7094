// A short tone made with the Web Audio API: no sound file to download or cache. Browsers only
// let a page make sound after the person has used it, so the audio context is made (or resumed)
// on her first click or key press and the chime is silent until then.
import type { NoticeKind } from './noticeRules.js';

let context: AudioContext | null = null;

/** Two notes rising for an offer (it runs out), one for a waiting chat, a soft low one for a message. */
const tones: Record<NoticeKind, readonly number[]> = { offer: [660, 880], queued: [660], message: [520] };

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  return context;
}

/** Called on a click or key press: from then on the page may make sound. */
export function unlockChime(): void {
  const ctx = audio();
  if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined);
}

export function playChime(kind: NoticeKind): void {
  const ctx = audio();
  if (!ctx || ctx.state !== 'running') return;
  const start = ctx.currentTime;
  tones[kind].forEach((frequency, i) => {
    const at = start + i * 0.16;
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    // A quick rise and fade: no click at the start, gone after 0.15 s.
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.16);
  });
}
