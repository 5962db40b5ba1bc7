/** A person (or the bot itself) seen in a work group. */
export interface Contact {
  id: string;
  name: string;
  unit: string | null;
}
