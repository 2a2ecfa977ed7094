// A visitor's message as her counsellor receives it when translation is on: the original, and
// the machine translation made on the server, both shown and each marked as what it is.
import type { WireMessage } from './common.js';

export interface MessageTranslation {
  body: string;
  /** The visitor's language (what she chose on the start page). */
  from: string;
  /** The counsellors' language. */
  to: string;
}

export type StaffMessage = WireMessage & { translation?: MessageTranslation };
