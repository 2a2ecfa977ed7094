// The typed requests of the visitor side. Kept apart from the protocol's schemas: the browser
// imports this without zod (only types come from the protocol file).
import type { VisitorClientToServer } from './visitorProtocol.js';
import { caller } from './socketCalls.js';

export const visitorCall = caller<VisitorClientToServer>();
