/** The HTML report's stylesheet, inline: light, system fonts only (nothing is fetched). */
export const REPORT_CSS = `
:root { --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #f6f8fa; --new: #cf222e; --known: #656d76;
  --ok: #1a7f37; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg); background: #fff; }
main { max-width: 1260px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; font-weight: 600; }
h2 { font-size: 17px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; margin: 0 0 8px; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 12.5px; }
pre { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px;
  overflow-x: auto; margin: 8px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.muted { color: var(--muted); fill: var(--muted); font-size: 12px; }
.banner { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px; margin: 12px 0;
  font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.card .n { font-size: 22px; font-weight: 600; }
.card .l { color: var(--muted); font-size: 12px; }
.card.bad .n { color: var(--new); }
.card.good .n { color: var(--ok); }
.plots { display: grid; grid-template-columns: repeat(auto-fit, minmax(540px, 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 12px; overflow-x: auto; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.plot { display: block; max-width: 100%; height: auto; font-size: 11px; }
svg .grid { stroke: #eaeef2; }
svg .tick { fill: var(--muted); font-size: 11px; }
svg .axis { fill: var(--muted); font-size: 11px; }
svg .label { fill: var(--fg); font-size: 11px; }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--known); border-radius: 6px;
  margin: 12px 0; padding: 12px 16px; }
.finding.new { border-left-color: var(--new); }
.finding.precision { border-left-color: var(--warn); }
.finding summary { cursor: pointer; list-style: none; }
.finding summary::-webkit-details-marker { display: none; }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 11.5px; font-weight: 600;
  margin-right: 6px; border: 1px solid currentColor; }
.badge.new { color: var(--new); }
.badge.known { color: var(--known); }
.badge.critical, .badge.high { color: #fff; background: var(--new); border-color: var(--new); }
.badge.medium { color: var(--warn); }
.badge.precision { color: var(--muted); }
.sig, .finding .muted { overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td .from { color: var(--muted); font-size: 11.5px; display: block; }
.kv th { width: 160px; }
.note { color: var(--muted); margin: 6px 0; }
`;
