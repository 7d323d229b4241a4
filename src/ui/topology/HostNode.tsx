/**
 * One host: its icon, its name and one line per interface address (`eth0:0 10.10.10.100 VIP`).
 * Focusable and selectable with Enter, so the host inspector is reachable by keyboard.
 */
import { memo } from 'react';
import type { HostRole } from '../../engine';
import { textWidth } from '../packets/text-metrics';
import { HostIcon } from './HostIcon';
import { HOST_TEXT, textBottom, type Point } from './layout';

export interface IfaceLine {
  name: string;
  addr: string;
  vip: boolean;
}

interface Props {
  id: string;
  at: Point;
  role: HostRole;
  name: string;
  ariaLabel: string;
  lines: IfaceLine[];
  vipText: string;
  selected: boolean;
  active: 'from' | 'to' | null;
  onSelect: (id: string) => void;
  /** On a narrow screen: the text block scaled up, maybe above the icon (host-text.ts). */
  textTransform?: string | undefined;
}

/** "C client" → "C": what a phone shows when the drawing is too narrow for the whole name. */
export const nameHead = (name: string): string => name.split(' ')[0] ?? name;

export const HostNode = memo(function HostNode({ id, at, role, name, ariaLabel, lines, vipText, selected, active, onSelect, textTransform }: Props) {
  const cls = ['host', `host-${role}`, selected ? 'is-selected' : '', active ? `is-${active}` : ''].filter(Boolean).join(' ');
  return (
    <g className={cls} transform={`translate(${at.x},${at.y})`} data-testid={`host-${id}`} role="button" tabIndex={0}
      aria-label={ariaLabel} aria-pressed={selected}
      onClick={() => onSelect(id)}
      onKeyDown={(e) => { if (e.key === 'Enter') onSelect(id); }}>
      <rect className="host-halo" x={-44} y={-36} width={88} height={72} rx={12} />
      <HostIcon role={role} />
      <g className="host-text" transform={textTransform}>
        {/* A phone's short labels grow over the wires laid out for the long ones: a backdrop
            under the addresses keeps them legible (shown on narrow screens only). */}
        {lines.length > 0 ? (() => {
          const w = Math.max(...lines.map((l) => textWidth(l.addr, 19))) + 8;
          const top = HOST_TEXT.firstLineY - 18;
          return <rect className="host-text-bg" x={-w / 2} y={top} width={w} height={textBottom(lines.length) - 4 - top} rx={3} />;
        })() : null}
        <text className="host-name" x={0} y={HOST_TEXT.nameY} textAnchor="middle">{nameHead(name)}<tspan className="host-role">{name.slice(nameHead(name).length)}</tspan></text>
        {lines.map((l, i) => (
          <text key={`${l.name}-${l.addr}`} className={l.vip ? 'iface iface-vip' : 'iface'} x={0} y={HOST_TEXT.firstLineY + i * HOST_TEXT.lineH} textAnchor="middle">
            <tspan className="iface-name">{l.name}</tspan> {l.addr}{l.vip ? <tspan className="vip-badge"> {vipText}</tspan> : null}
          </text>
        ))}
      </g>
    </g>
  );
});
