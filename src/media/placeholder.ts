/**
 * Demo product art: one drawing per category, made of shapes only. No text: text would be drawn
 * with whatever fonts the server has, and a server without CJK fonts bakes tofu boxes (□□) into
 * every image. The dashed frame and corner band mark it as a placeholder without words.
 */
const PALETTE = ['#1e5aa8', '#a8321e', '#1e8a5a', '#8a5a1e', '#5a1e8a', '#1e7a8a', '#8a1e5a', '#4a4a4a'];

const st = (width: number) => `fill="none" stroke="#ffffff" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"`;
const S = st(24);
const F = 'fill="#ffffff"';
const SOFT = 'fill="#ffffff" fill-opacity="0.35"';

/** Each drawing sits in the 1024×1024 box, roughly in 160…860 so the frame stays clear. */
const DRAWINGS: Record<string, string> = {
  // Wedge-shaped lamp cluster with three light bars.
  tailLight: `<path ${S} d="M170 380 L820 300 Q880 300 870 380 L840 660 Q830 720 770 720 L200 700 Q150 690 160 640 Z"/>
    <path ${SOFT} d="M240 420 L780 360 L760 470 L230 500 Z"/><rect ${F} x="240" y="540" width="500" height="40" rx="20"/><rect ${F} x="250" y="610" width="430" height="40" rx="20"/>`,
  // Round projector lens inside a swept housing, with beam lines.
  headlight: `<path ${S} d="M160 420 Q200 300 420 300 L800 320 Q860 330 860 400 L840 640 Q830 700 760 700 L260 700 Q170 690 160 600 Z"/>
    <circle ${S} cx="420" cy="500" r="110"/><circle ${F} cx="420" cy="500" r="50"/><path ${S} d="M600 440 L780 420 M600 500 L790 500 M600 560 L780 580"/>`,
  // Honeycomb front grille in a rounded frame.
  grille: `<rect ${S} x="160" y="330" width="700" height="360" rx="90"/>
    <g ${st(16)}>${[0, 1, 2].map((r) => [0, 1, 2, 3, 4].map((c) => `<path d="${hexPath(270 + c * 120 + (r % 2) * 60, 420 + r * 90, 44)}"/>`).join('')).join('')}</g>`,
  // 12 V plug with a lightning bolt.
  charger: `<rect ${S} x="330" y="250" width="360" height="420" rx="70"/><path ${S} d="M430 670 L430 800 L590 800 L590 670 M510 800 L510 860"/>
    <path ${F} d="M540 300 L420 480 L500 480 L470 620 L610 420 L525 420 Z"/>`,
  // Long stainless strip with brushed lines and screw heads.
  sillStrip: `<path ${S} d="M140 460 L880 420 Q900 420 900 440 L900 560 Q900 580 880 580 L140 600 Q120 600 120 580 L120 480 Q120 460 140 460 Z"/>
    <path ${st(10)} d="M200 500 L820 470 M200 540 L820 510"/><circle ${F} cx="180" cy="530" r="16"/><circle ${F} cx="840" cy="500" r="16"/>`,
  // A star decal with its backing peeling at one corner.
  sticker: `<path ${S} d="M220 240 L800 240 L800 640 L640 800 L220 800 Z"/><path ${SOFT} d="M800 640 L640 640 L640 800 Z"/>
    <path ${F} d="M510 330 L550 450 L680 450 L575 525 L615 650 L510 575 L405 650 L445 525 L340 450 L470 450 Z"/>`,
  // A pair of floor mats with ribbed texture.
  floorMats: `<path ${S} d="M180 250 L470 250 L470 760 Q470 800 430 800 L220 800 Q180 800 180 760 Z"/><path ${S} d="M560 300 L850 300 L850 760 Q850 800 810 800 L600 800 Q560 800 560 760 Z"/>
    <path ${st(12)} d="M230 340 L420 340 M230 420 L420 420 M230 500 L420 500 M230 580 L420 580 M610 390 L800 390 M610 470 L800 470 M610 550 L800 550 M610 630 L800 630"/>`,
  // Dash cam body with lens and mount.
  dashCam: `<path ${S} d="M420 200 L600 200 L600 300 M510 200 L510 320"/><rect ${S} x="230" y="320" width="560" height="340" rx="60"/>
    <circle ${S} cx="510" cy="490" r="120"/><circle ${F} cx="510" cy="490" r="55"/><circle ${F} cx="720" cy="380" r="18"/>`,
  // Wiper blade and arm across a windscreen arc.
  wiper: `<path ${S} d="M150 760 Q512 160 874 760"/><path ${S} d="M300 760 L700 330"/><path ${st(40)} d="M320 700 L690 300"/><circle ${F} cx="300" cy="760" r="34"/>`,
  // A car under a draped cover.
  carCover: `<path ${S} d="M150 680 Q170 520 320 480 Q420 330 600 330 Q740 330 830 480 Q880 520 880 680 Z"/>
    <path ${st(12)} d="M300 500 Q330 600 300 680 M520 340 Q560 500 520 680 M740 460 Q760 580 740 680"/><circle ${S} cx="320" cy="720" r="55"/><circle ${S} cx="720" cy="720" r="55"/>`,
  // Phone on a vent clip.
  phoneHolder: `<rect ${S} x="370" y="190" width="290" height="520" rx="44"/><rect ${SOFT} x="400" y="250" width="230" height="390" rx="12"/>
    <path ${S} d="M330 380 L370 380 M330 540 L370 540 M660 380 L700 380 M660 540 L700 540 M515 710 L515 800 M430 800 L600 800"/>`,
  // Seat with a fitted cover.
  seat: `<path ${S} d="M360 200 Q320 200 330 260 L380 560 L300 600 Q260 620 270 680 L300 780 L740 780 L760 680 Q770 620 720 600 L600 560 L650 260 Q660 200 620 200 Z"/>
    <path ${st(12)} d="M400 300 L610 300 M410 420 L600 420"/>`,
  // Steering wheel with three spokes.
  steeringWheel: `<circle ${st(40)} cx="512" cy="512" r="300"/><circle ${S} cx="512" cy="512" r="80"/><path ${st(40)} d="M232 480 L432 500 M592 500 L792 480 M512 592 L512 800"/>`,
  // Perfume bottle on a vent clip with scent waves.
  perfume: `<rect ${S} x="380" y="380" width="260" height="380" rx="60"/><rect ${S} x="450" y="290" width="120" height="90" rx="16"/>
    <path ${st(16)} d="M420 240 Q450 190 420 150 M512 230 Q542 180 512 140 M604 240 Q634 190 604 150"/><path ${SOFT} d="M400 560 L620 560 L620 720 Q620 740 600 740 L420 740 Q400 740 400 720 Z"/>`,
  // Bucket with a sponge and bubbles.
  carWash: `<path ${S} d="M280 420 L744 420 L690 800 L334 800 Z"/><path ${S} d="M300 420 Q512 160 724 420"/><rect ${F} x="420" y="330" width="200" height="110" rx="30"/>
    <circle ${st(12)} cx="300" cy="280" r="40"/><circle ${st(12)} cx="740" cy="250" r="30"/><circle ${st(12)} cx="660" cy="180" r="22"/>`,
  // A car in profile, for anything else (and news photos).
  car: `<path ${S} d="M150 640 L150 540 Q160 500 220 490 L330 470 L420 370 Q440 350 480 350 L660 350 Q700 350 720 380 L790 470 L840 490 Q880 510 880 560 L880 640 Z"/>
    <path ${SOFT} d="M440 390 L560 390 L560 470 L370 470 Z M600 390 L690 390 L740 470 L600 470 Z"/><circle ${S} cx="320" cy="650" r="70"/><circle ${S} cx="720" cy="650" r="70"/>`,
};

function hexPath(cx: number, cy: number, r: number): string {
  const pts = Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 3) * i + Math.PI / 6;
    return `${Math.round(cx + r * Math.cos(a))} ${Math.round(cy + r * Math.sin(a))}`;
  });
  return `M${pts.join(' L')} Z`;
}

/** Category and article labels as the seeds write them, most specific first. */
const KINDS: [RegExp, keyof typeof DRAWINGS][] = [
  [/尾灯|tail/i, 'tailLight'],
  [/大灯|车灯|headlight|lighting/i, 'headlight'],
  [/中网|格栅|grille/i, 'grille'],
  [/充电|charger/i, 'charger'],
  [/门槛|踏板|sill/i, 'sillStrip'],
  [/车贴|贴纸|拉花|sticker|decal/i, 'sticker'],
  [/脚垫|mat/i, 'floorMats'],
  [/记录仪|dash/i, 'dashCam'],
  [/雨刮|雨刷|wiper/i, 'wiper'],
  [/车衣|车罩|cover/i, 'carCover'],
  [/手机|支架|phone/i, 'phoneHolder'],
  [/座套|坐垫|seat/i, 'seat'],
  [/方向盘|steering/i, 'steeringWheel'],
  [/香水|香薰|perfume|fragrance/i, 'perfume'],
  [/洗车|wash/i, 'carWash'],
];

/** Which drawing a label gets (exported for tests). */
export function placeholderKind(label: string): string {
  return KINDS.find(([re]) => re.test(label))?.[1] ?? 'car';
}

export const PLACEHOLDER_KINDS = Object.keys(DRAWINGS);

export function placeholderSvg(label: string, seed: number, width = 1024, height = 1024): string {
  const color = PALETTE[Math.abs(seed) % PALETTE.length];
  const drawing = DRAWINGS[placeholderKind(label)];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1024 1024">
  <rect width="1024" height="1024" fill="${color}"/>
  <rect x="48" y="48" width="928" height="928" rx="24" fill="none" stroke="#ffffff" stroke-opacity="0.35" stroke-width="8" stroke-dasharray="36 24"/>
  ${drawing}
  <path d="M0 1024 L0 880 L144 1024 Z" fill="#000000" fill-opacity="0.3"/>
</svg>`;
}
