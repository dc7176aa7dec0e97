/** Demo product art: an SVG per category, unmistakably a placeholder (it says so on its face). */
const PALETTE = ['#1e5aa8', '#a8321e', '#1e8a5a', '#8a5a1e', '#5a1e8a', '#1e7a8a', '#8a1e5a', '#4a4a4a'];

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function placeholderSvg(label: string, seed: number, width = 1024, height = 1024): string {
  const color = PALETTE[Math.abs(seed) % PALETTE.length];
  const text = escapeXml(label.slice(0, 8));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1024 1024">
  <rect width="1024" height="1024" fill="${color}"/>
  <g fill="none" stroke="#ffffff" stroke-opacity="0.25" stroke-width="24">
    <circle cx="512" cy="470" r="250"/>
    <path d="M240 700 L784 700 M300 760 L724 760"/>
  </g>
  <text x="512" y="500" font-family="Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif" font-size="120" font-weight="700" fill="#ffffff" text-anchor="middle">${text}</text>
  <rect x="0" y="880" width="1024" height="144" fill="#000000" fill-opacity="0.45"/>
  <text x="512" y="972" font-family="sans-serif" font-size="64" fill="#ffffff" text-anchor="middle">PLACEHOLDER 示意图</text>
</svg>`;
}
