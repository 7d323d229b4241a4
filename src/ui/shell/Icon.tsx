/** Small inline icons for the toolbar (no icon font, no emoji: they render the same everywhere). */
const PATHS: Record<string, string> = {
  first: 'M6 5h2v14H6zM20 5v14L9 12z',
  stepBack: 'M18 5v14L7 12zM5 5h2v14H5z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  stepForward: 'M6 5v14l11-7zM17 5h2v14h-2z',
  last: 'M4 5v14l11-7zM16 5h2v14h-2z',
  restart: 'M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z',
  slower: 'M5 11h14v2H5z',
  faster: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z',
  fit: 'M4 4h6v2H6v4H4zM14 4h6v6h-2V6h-4zM4 14h2v4h4v2H4zM18 14h2v6h-6v-2h4z',
  toggleDepth: 'M4 6h16v2H4zM4 11h16v2H4zM4 16h10v2H4z',
};

export function Icon({ name }: { name: string }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d={PATHS[name] ?? ''} fill="currentColor" />
    </svg>
  );
}
