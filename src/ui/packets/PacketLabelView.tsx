/**
 * A packet's label drawn as the slides draw it: `S:` and `D:` lines in a box, the inner packet
 * as a box inside the box, rewritten fields highlighted and the rewrite named in a tag above.
 */
import type { Point } from '../topology/layout';
import { LABEL_FONT, type LabelBox } from './label-box';
import { textWidth } from './text-metrics';

interface Props {
  box: LabelBox;
  at: Point;
  tone: 'ip' | 'arp' | 'drop' | 'action';
  tags: readonly string[];
  text: string;
  /** Restart the highlight's animation on every step. */
  stepKey: number;
  /** Drawn this many times larger from its top-left corner (a phone's fit shrinks the drawing). */
  scale?: number;
}

const TAG_FONT = 19;

export function PacketLabelView({ box, at, tone, tags, text, stepKey, scale = 1 }: Props) {
  let tagX = 0;
  return (
    <g className={`plabel plabel-${tone}`} transform={`translate(${at.x},${at.y})${scale === 1 ? '' : ` scale(${scale})`}`} data-testid="packet-label" data-label={text}
      aria-hidden="true">
      <rect className="plabel-bg" width={box.w} height={box.h} rx={6} />
      {box.inner ? <rect className="plabel-inner" x={box.inner.x} y={box.inner.y} width={box.inner.w} height={box.inner.h} rx={4} /> : null}
      {box.rows.map((r, i) => (
        <g key={i}>
          {r.changed ? (
            <rect key={stepKey} className="plabel-changed" x={r.x - 4} y={r.y - LABEL_FONT * 0.9} width={r.width + 8}
              height={LABEL_FONT * 1.25} rx={3} />
          ) : null}
          <text className={r.muted ? 'plabel-was' : r.changed ? 'plabel-row is-changed' : 'plabel-row'} x={r.x} y={r.y}>
            {r.name ? <tspan className="plabel-name">{r.name}: </tspan> : null}
            <tspan className="plabel-value">{r.value}</tspan>
          </text>
        </g>
      ))}
      {tags.map((tag) => {
        const w = textWidth(tag, TAG_FONT) + 14;
        const x = tagX;
        tagX += w + 6;
        return (
          <g key={tag} className="plabel-tag" transform={`translate(${x},${-TAG_FONT - 12})`} data-testid="rewrite-tag">
            <rect width={w} height={TAG_FONT + 8} rx={(TAG_FONT + 8) / 2} />
            <text x={w / 2} y={TAG_FONT} textAnchor="middle">{tag}</text>
          </g>
        );
      })}
    </g>
  );
}
