import type { Locale } from '../../model/locale.js';
import type { Access } from '../access.js';

/** What the dashboard's middleware puts on a request's context. */
export type DashboardEnv = {
  Variables: {
    access: Access;
    locale: Locale;
  };
};
