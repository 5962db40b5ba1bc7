/**
 * Text from the data (group, unit and owner names, notice excerpts) put into Markdown: printed as
 * itself, never as markup. HTML's `& < >` become entities (a `<script>` in a group name is shown,
 * not run, by whatever renders the Markdown); the punctuation that works inside a line is escaped
 * with a backslash (CommonMark allows one before any ASCII punctuation), so a name cannot open a link
 * or an image (`[`), emphasis (`*`, `_`, `~`), code (a backtick) or a new table cell (`|`); line
 * breaks become spaces, so a name never starts a line — where `#`, `-`, `+` or `1.` would start a
 * heading or a list — and those stay unescaped, readable in the raw file (dates, numbers).
 */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}
