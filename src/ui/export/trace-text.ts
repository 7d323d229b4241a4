/**
 * The trace as CSV and as a Markdown table, the notes in English: what `npm run -s cli -- trace
 * <scenario> --format csv|md` prints and what the app's Export menu downloads, from this one
 * function so the two are the same bytes (docs/cli.md). Pure: the CLI imports it too.
 */
import { formatFramesCsv, formatFramesMarkdown, type NoteJson, type TraceJson } from '../../engine';
import { translateNote } from '../i18n/i18n';

const english = (note: NoteJson): string => translateNote('en', note);

export const traceCsv = (trace: Pick<TraceJson, 'events'>): string => formatFramesCsv(trace, english);
export const traceMarkdown = (trace: Pick<TraceJson, 'events'>): string => formatFramesMarkdown(trace, english);
