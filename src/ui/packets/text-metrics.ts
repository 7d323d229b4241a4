/**
 * Text width without a DOM: labels use a monospace face, where a Latin character is about
 * 0.6 em and a CJK character a full em. Good enough to size a label's background box.
 */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 1 : 0.6;
  return w * fontSize;
}
