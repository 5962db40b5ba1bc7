import { z } from 'zod';

/** A local clock time, `HH:MM` on the 24-hour clock (working hours, quiet hours, send times). */
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');
