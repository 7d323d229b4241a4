/** A host drawn as what it is: laptop, router, director, rack server, proxy, switch. */
import type { HostRole } from '../../engine';

export function HostIcon({ role }: { role: HostRole }) {
  switch (role) {
    case 'client':
      return (
        <g className="icon-shape">
          <rect x={-24} y={-24} width={48} height={32} rx={3} />
          <rect className="icon-screen" x={-19} y={-19} width={38} height={22} rx={1} />
          <path d="M-32 10 h64 l-5 9 h-54 z" />
        </g>
      );
    case 'router':
      return (
        <g className="icon-shape">
          <ellipse cx={0} cy={0} rx={30} ry={22} />
          <path className="icon-line" d="M-16 -6 h28 m-7 -6 l7 6 l-7 6 M16 6 h-28 m7 -6 l-7 6 l7 6" />
        </g>
      );
    case 'director':
      return (
        <g className="icon-shape icon-director">
          <rect x={-30} y={-24} width={60} height={48} rx={7} />
          <path className="icon-line" d="M-16 0 L12 -13 M-16 0 L12 0 M-16 0 L12 13" />
          <circle className="icon-dot" cx={-16} cy={0} r={4} />
          {[-13, 0, 13].map((y) => <circle key={y} className="icon-dot" cx={14} cy={y} r={3.5} />)}
        </g>
      );
    case 'proxy':
      return (
        <g className="icon-shape icon-director">
          <rect x={-30} y={-24} width={60} height={48} rx={7} />
          <text className="icon-text" x={0} y={8} textAnchor="middle">L7</text>
        </g>
      );
    case 'switch':
      return (
        <g className="icon-shape">
          <rect x={-36} y={-12} width={72} height={24} rx={4} />
          {[-24, -12, 0, 12, 24].map((x) => <rect key={x} className="icon-screen" x={x - 3} y={-4} width={6} height={8} />)}
        </g>
      );
    case 'real-server':
    case 'server':
      return (
        <g className="icon-shape">
          <rect x={-22} y={-26} width={44} height={52} rx={4} />
          <path className="icon-line" d="M-22 -9 h44 M-22 8 h44" />
          {[-18, -1, 16].map((y) => <circle key={y} className="icon-dot" cx={12} cy={y} r={2.5} />)}
        </g>
      );
    default: {
      const never: never = role;
      return never;
    }
  }
}
