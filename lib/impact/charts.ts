// Impact charts as SVG markup built on the server: the same function draws the chart shown in the page
// (inline, no JavaScript) and the image members download, so the two cannot disagree. Every piece of text
// goes through `escapeXml`; labels come from translations and facilitators' questions never reach a chart,
// but nothing here trusts that. Presentation attributes only (no <style>, no style=""), so the page's
// Content-Security-Policy has nothing to allow.

export type ChartViewRow = {
  label: string;
  level: 'group' | 'item';
  /** 0 to 1 for shares; a whole number for counts. */
  value: number;
  /** People (or stories) behind the value, and the share as text ("82 %"; null for counts): the data table's columns. */
  count: number;
  shareText: string | null;
  /** What the chart writes beside the bar: "82 % (9)". */
  valueText: string;
  /** The 2017 share, 0 to 1, or null where the report gave none. */
  baseline: number | null;
  /** The 2017 share as a percentage (the data table), or null. */
  baselineShareText: string | null;
  /** What the chart writes for 2017: "2017: 53 %", or "No 2017 figure"; null draws no 2017 line (a chart the report had no figures for). */
  baselineText: string | null;
};

/** A chart with every text already translated and formatted: what the SVG and the data table both show. */
export type ChartView = {
  /** Prefix of the ids inside the SVG, unique in the page. */
  id: string;
  format: 'share' | 'count';
  title: string;
  caption: string;
  /** Where the figures come from (the event and selection), written into the downloaded image. */
  scope: string;
  /** The chart in words, for screen readers (<desc>). */
  summary: string;
  legend: { now: string; then: string | null };
  noBaseline: string;
  rows: ChartViewRow[];
};

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text and attribute values, escaped for XML (and so for HTML). */
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (character) => xmlEntities[character]!);

const width = 340;
const padding = 12;
const valueColumn = 88;
const barWidth = width - padding * 2 - valueColumn;
const colours = { now: '#115e59', then: '#78716c', track: '#e7e5e4', text: '#1c1917', muted: '#57534e', background: '#ffffff' };
const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

/** Splits text into lines of at most `maxCharacters` (by words; a longer word is cut). Text widths are estimated, not measured. */
export function wrapText(text: string, maxCharacters: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.match(new RegExp(`.{1,${maxCharacters}}`, 'gu')) ?? [word];
    for (const piece of pieces) {
      if (!line) line = piece;
      else if (line.length + 1 + piece.length <= maxCharacters) line = `${line} ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const number = (value: number) => String(Math.round(value * 10) / 10);

type Drawing = { parts: string[]; y: number };

function text(drawing: Drawing, content: string, options: { x: number; size: number; weight?: 'bold'; fill?: string; anchor?: 'end'; italic?: boolean }) {
  const attributes = [
    `x="${number(options.x)}"`,
    `y="${number(drawing.y)}"`,
    `font-size="${options.size}"`,
    options.weight ? `font-weight="${options.weight}"` : '',
    options.italic ? 'font-style="italic"' : '',
    `fill="${options.fill ?? colours.text}"`,
    options.anchor ? `text-anchor="${options.anchor}"` : '',
  ].filter(Boolean);
  drawing.parts.push(`<text ${attributes.join(' ')}>${escapeXml(content)}</text>`);
}

function rect(drawing: Drawing, x: number, y: number, rectWidth: number, height: number, fill: string) {
  drawing.parts.push(`<rect x="${number(x)}" y="${number(y)}" width="${number(Math.max(0, rectWidth))}" height="${number(height)}" fill="${fill}"/>`);
}

function paragraph(drawing: Drawing, content: string, options: { size: number; maxCharacters: number; weight?: 'bold'; fill?: string }) {
  for (const line of wrapText(content, options.maxCharacters)) {
    drawing.y += options.size + 4;
    text(drawing, line, { x: padding, size: options.size, weight: options.weight, fill: options.fill });
  }
}

function legend(drawing: Drawing, view: ChartView) {
  drawing.y += 8;
  rect(drawing, padding, drawing.y, 14, 13, colours.now);
  drawing.y += 12;
  text(drawing, view.legend.now, { x: padding + 20, size: 13 });
  if (view.legend.then) {
    drawing.y += 8;
    rect(drawing, padding, drawing.y + 3, 14, 8, colours.then);
    drawing.y += 12;
    text(drawing, view.legend.then, { x: padding + 20, size: 13 });
  }
  drawing.y += 8;
}

/** A share: the label over its bars, "now" as a thick bar, "then" as a thin grey one (or a note when the report had none). */
function shareRow(drawing: Drawing, row: ChartViewRow, isUnderGroup: boolean) {
  // Barriers sit under their side, labels indented; the bars stay aligned so they compare at a glance.
  const indent = isUnderGroup ? 12 : 0;
  for (const line of wrapText(row.label, row.level === 'group' ? 35 : isUnderGroup ? 37 : 39)) {
    drawing.y += 18;
    text(drawing, line, { x: padding + indent, size: 14, weight: row.level === 'group' ? 'bold' : undefined });
  }
  drawing.y += 6;
  rect(drawing, padding, drawing.y, barWidth, 15, colours.track);
  rect(drawing, padding, drawing.y, barWidth * Math.min(1, row.value), 15, colours.now);
  drawing.y += 12.5;
  text(drawing, row.valueText, { x: width - padding, size: 13, weight: 'bold', anchor: 'end' });
  drawing.y += 5.5;
  if (row.baseline !== null) {
    rect(drawing, padding, drawing.y, barWidth * Math.min(1, row.baseline), 9, colours.then);
    drawing.y += 10;
    text(drawing, row.baselineText ?? '', { x: width - padding, size: 13, fill: colours.muted, anchor: 'end' });
  } else if (row.baselineText !== null) {
    drawing.y += 13;
    text(drawing, row.baselineText, { x: padding, size: 12, fill: colours.muted, italic: true });
  }
  drawing.y += 8;
}

/** A count (stories per year): the label on the left, one bar scaled to the largest count. */
function countRow(drawing: Drawing, row: ChartViewRow, largest: number) {
  const labelWidth = 48;
  const countBarWidth = width - padding * 2 - labelWidth - 40;
  drawing.y += 6;
  rect(drawing, padding + labelWidth, drawing.y, countBarWidth * (largest ? row.value / largest : 0), 17, colours.now);
  drawing.y += 13.5;
  text(drawing, row.label, { x: padding, size: 14 });
  text(drawing, row.valueText, { x: width - padding, size: 13, weight: 'bold', anchor: 'end' });
  drawing.y += 3.5;
}

/**
 * The chart as an SVG element: `standalone` adds the XML declaration, a fixed pixel size and, inside the
 * picture, the title, scope and caption that the page shows around it (a downloaded image travels alone).
 */
export function renderChartSvg(view: ChartView, { standalone }: { standalone: boolean }): string {
  const id = escapeXml(view.id);
  const drawing: Drawing = { parts: [], y: 4 };
  if (standalone) {
    paragraph(drawing, view.title, { size: 16, maxCharacters: 34, weight: 'bold' });
    paragraph(drawing, view.scope, { size: 13, maxCharacters: 45, fill: colours.muted });
    paragraph(drawing, view.caption, { size: 13, maxCharacters: 45, fill: colours.muted });
    drawing.y += 6;
  }
  legend(drawing, view);
  const largest = Math.max(0, ...view.rows.map((row) => row.value));
  const hasGroups = view.rows.some((row) => row.level === 'group');
  for (const row of view.rows) {
    if (view.format === 'share') shareRow(drawing, row, hasGroups && row.level === 'item');
    else countRow(drawing, row, largest);
  }
  const height = Math.ceil(drawing.y + padding);
  const size = standalone ? `width="${width}" height="${height}"` : 'width="100%"';
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" ${size} role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="${escapeXml(fontFamily)}">`,
    `<title id="${id}-title">${escapeXml(view.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(view.summary)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${colours.background}"/>`,
    ...drawing.parts,
    '</svg>',
  ].join('');
  return standalone ? `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n` : svg;
}
