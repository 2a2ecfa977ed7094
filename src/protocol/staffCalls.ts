// The typed requests of the staff side. Kept apart from the protocol's schemas: the browser
// imports this without zod (only types come from the protocol file).
import type { StaffClientToServer } from './staffProtocol.js';
import { caller } from './socketCalls.js';

export const staffCall = caller<StaffClientToServer>();
