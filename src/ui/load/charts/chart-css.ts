/**
 * The charts' look, as one stylesheet the page shows once and every exported SVG carries, so a
 * chart on a slide looks as it did on screen. Charts are paper-white in both colour schemes.
 */
export const CHART_CSS = `
svg.chart { background: #ffffff; font: 14px system-ui, 'Noto Sans', 'Noto Sans CJK SC', sans-serif; color: #14181f; }
svg.chart text { fill: #14181f; }
svg.chart .chart-grid { stroke: #e3e6ec; }
svg.chart .chart-tick, svg.chart .chart-axis { stroke: #4a5261; }
svg.chart .chart-axis-label { fill: #4a5261; font-size: 13px; }
svg.chart .chart-mark line { stroke: #c62828; stroke-dasharray: 4 3; }
svg.chart .chart-mark text { fill: #c62828; font-size: 13px; }
svg.chart .chart-picked { stroke: #1f5fbf; stroke-width: 2; }
svg.chart .chart-value { font-size: 13px; }
svg.chart .chart-title { font-weight: 600; font-size: 15px; }
svg.chart .chart-empty { fill: #4a5261; }
`;
