import type { Access } from '../access.js';
import type { WebLocale } from '../views/web-text.js';

/** What the dashboard's middleware puts on a request's context. */
export type DashboardEnv = {
  Variables: {
    access: Access;
    locale: WebLocale;
  };
};
