/**
 * Problems as data: a stable code, the values its sentence quotes, and (for a problem) the JSON
 * path it is about. Sentences live in tables of templates (`{{name}}` placeholders, the UI's
 * i18n syntax): the engine's English here, the UI's translations in its catalogues under
 * `problems.<code>`. A value may itself be a phrase (what was expected, why an address is bad),
 * so each language words the whole sentence.
 */

export type ParamValue = string | number | Phrase;

export interface Phrase {
  readonly code: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

export interface Problem extends Phrase {
  /** `hosts[2].routes[0].via`, `link.scenario.patch`; null when the problem is the whole input's. */
  readonly path: string | null;
  /** How many further problems the input has, when only the first is reported. */
  readonly more?: number;
}

/** The code → English template tables are checked against this shape. */
export type Templates = Readonly<Record<string, string>>;

/** 'host {{host}} has no interface "{{dev}}"' → 'host' | 'dev'. */
type Placeholders<T extends string> = T extends `${string}{{${infer P}}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The params a template needs: exactly its placeholders (none for a fixed sentence). */
export type ParamsFor<T extends string> = [Placeholders<T>] extends [never] ? [] : [params: Record<Placeholders<T>, ParamValue>];

/**
 * A typed constructor over one table: an unknown code, a missing or an extra param does not
 * compile.
 * @example const say = phrasebook(ENGINE_PROBLEMS); say('mac.malformed', { text: 'zz' })
 */
export function phrasebook<const T extends Templates>(_templates: T) {
  return <C extends keyof T & string>(code: C, ...[params]: ParamsFor<T[C]>): Phrase => ({ code, params: params ?? {} });
}

/** Fills `{{name}}` placeholders; `render` words a value that is itself a phrase. */
export function fillTemplate(template: string, params: Phrase['params'], render: (p: Phrase) => string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'object' ? render(v) : String(v);
  });
}

/** A phrase in English from `templates`; a code the table lacks shows as `[[code]]`, never a crash. */
export function formatPhrase(phrase: Phrase, templates: Templates): string {
  const template = templates[phrase.code];
  if (template === undefined) return `[[${phrase.code}]]`;
  return fillTemplate(template, phrase.params, (p) => formatPhrase(p, templates));
}

/** A valibot message can only be text: a phrase travels through it as JSON and is read back. */
export const phraseAsMessage = (p: Phrase): string => JSON.stringify(p);

export function phraseOfMessage(message: string): Phrase {
  try {
    const p = JSON.parse(message) as unknown;
    if (typeof p === 'object' && p !== null && typeof (p as Phrase).code === 'string' && typeof (p as Phrase).params === 'object') return p as Phrase;
  } catch {
    // Not ours: valibot's own wording, kept as written below.
  }
  return { code: 'text.as-written', params: { text: message } };
}

/** The phrase as a problem at `path`. */
export const problemAt = (path: string | null, phrase: Phrase): Problem => ({ path, code: phrase.code, params: phrase.params });
