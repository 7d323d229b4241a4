/**
 * An engine note in words: the key through the catalog, with parameters made readable first
 * (a host id becomes the host's name in the current language, a drop code its reason).
 */
import type { NoteJson, TraceJson } from '../../engine';
import { translateDynamic, translateNote, type Lang, type Params } from '../i18n/i18n';
import type { HostIndex } from './host-index';

export function noteText(lang: Lang, note: NoteJson, trace: TraceJson, hosts: HostIndex): string {
  const params: Params = {};
  for (const [k, v] of Object.entries(note.params)) {
    if (typeof v === 'string' && v in trace.hosts) params[k] = hosts.name(v, lang);
    else if (k === 'reason' && typeof v === 'string') params[k] = translateDynamic(lang, `reasons.${v}`);
    else params[k] = v;
  }
  return translateNote(lang, note, params);
}
