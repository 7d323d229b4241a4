/**
 * valibot's words for what a schema expected and what it received, as phrases a sentence fills
 * in: a type name is words the UI translates ("Object" → 对象), a value stays as written.
 */
import { say } from './codes';
import type { ParamValue, Phrase } from './phrase';

/** A choice among literals, as valibot writes it: "tcp" | "udp". */
const CHOICES = /^(?:"[^"]*"|-?\d+)(?: \| (?:"[^"]*"|-?\d+))+$/;

/** valibot's name for what a schema expects, as the phrase a sentence fills in. */
export function expectedPhrase(expected: string | null): Phrase {
  switch (expected) {
    case 'Object': return say('what.object');
    case 'Array': return say('what.array');
    case 'string': return say('what.string');
    case 'number': return say('what.number');
    case 'boolean': return say('what.true-or-false');
    case null: return say('what.valid-value');
    default: {
      // valibot wraps a union's options in parentheses: ("tcp" | "udp").
      const choices = expected.replace(/^\((.*)\)$/, '$1');
      return CHOICES.test(choices) ? say('what.one-of', { choices }) : say('what.literal', { value: choices });
    }
  }
}

/** valibot's type names and JavaScript's typeof words. */
const TYPE_NAMES: Readonly<Record<string, Phrase>> = {
  Object: say('type.object'), Array: say('type.array'), string: say('type.string'), number: say('type.number'), boolean: say('type.boolean'),
};

/** What valibot received (or typeof said): a type name is words, anything else a value as written. */
export const foundPhrase = (received: string): ParamValue => TYPE_NAMES[received] ?? received;

