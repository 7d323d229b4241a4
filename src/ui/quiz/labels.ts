/**
 * How the quiz writes its choices and answers: an address with the course's name for it and
 * who holds it ("192.168.1.100:80 · VIP · D, RS1"), a host by its display name.
 */
import type { Lang } from '../i18n/i18n';
import type { HostIndex } from '../trace/host-index';
import { ipOf, type FieldId, type QuizContext } from '../../quiz';
import { quizText } from './quiz-text';

export function choiceLabel(field: FieldId, value: string, ctx: QuizContext, hosts: HostIndex, lang: Lang): string {
  if (field === 'to') return hosts.name(value, lang);
  const info = ctx.book.get(ipOf(value));
  if (!info) return value;
  const term = info.term ? quizText.translate(lang, `terms.${info.term}`) : null;
  return [value, term, info.holders.map((h) => hosts.short(h, lang)).join(', ')].filter(Boolean).join(' · ');
}

/** A whole answer (or the truth) on one line: "S 10.0.0.1 · D 10.0.0.2:80 · → RS1". */
export function answerLine(values: ReadonlyArray<{ id: FieldId; value: string | null }>, hosts: HostIndex, lang: Lang): string {
  const none = quizText.translate(lang, 'noAnswer');
  return values.map(({ id, value }) => {
    const shown = value === null ? none : id === 'to' ? hosts.name(value, lang) : value;
    return `${quizText.translate(lang, `short.${id}`)} ${shown}`;
  }).join(' · ');
}
