/**
 * The one reading of `--db` / `QINGQUN_DB`: a `postgres://` or `postgresql://` URL selects the
 * PostgreSQL store (src/store/postgres/), anything else is a SQLite file path (as before). The
 * PostgreSQL schema (namespace) comes from the URL's `schema` parameter (default `public`), so that
 * runs and test files can each use their own without colliding; it is removed from the URL handed
 * to the driver, which would not understand it.
 */
export type DbTarget =
  | { engine: 'sqlite'; path: string }
  | { engine: 'postgres'; url: string; schema: string; display: string };

const POSTGRES = /^postgres(?:ql)?:\/\//i;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function isPostgresUrl(value: string): boolean {
  return POSTGRES.test(value);
}

/** Throws a plain Error (said by the CLI as a configuration mistake) for a malformed URL or schema. */
export function parseDbTarget(value: string): DbTarget {
  if (!isPostgresUrl(value)) return { engine: 'sqlite', path: value };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`db: not a valid PostgreSQL URL: ${redactDbUrl(value)}`);
  }
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`db: schema must be lower-case letters, digits and _ (got ${JSON.stringify(schema)})`);
  }
  url.searchParams.delete('schema');
  return { engine: 'postgres', url: url.toString(), schema, display: redactDbUrl(value) };
}

/** The URL without its password, for messages and logs. */
export function redactDbUrl(value: string): string {
  return value.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}
