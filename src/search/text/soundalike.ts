import { pinyin } from 'pinyin-pro';
import { PART_WORDS, VEHICLE_WORDS } from './domain-words';

const HAN_ONLY = /^\p{Script=Han}{2,}$/u;
let bySound: Map<string, string> | null = null;

function sound(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase();
}

/** Toneless pinyin → catalogue word; a sound two words share is left out rather than guessed. */
function soundIndex(): Map<string, string> {
  if (bySound) return bySound;
  const index = new Map<string, string>();
  const clashes = new Set<string>();
  for (const w of [...VEHICLE_WORDS, ...PART_WORDS]) {
    if (!HAN_ONLY.test(w)) continue;
    const s = sound(w);
    if (index.has(s) && index.get(s) !== w) clashes.add(s);
    index.set(s, w);
  }
  for (const s of clashes) index.delete(s);
  bySound = index;
  return index;
}

/**
 * The catalogue word a Chinese query word sounds like when it is spelled differently: the usual
 * pinyin-keyboard slip (尾登 → 尾灯, 门坎条 → 门槛条, 电平 → 电瓶, 行车记录议 → 行车记录仪), or null.
 */
export function soundalike(text: string): string | null {
  if (!HAN_ONLY.test(text)) return null;
  const word = soundIndex().get(sound(text));
  return word !== undefined && word !== text ? word : null;
}

const MAX_SOUNDALIKE_WORDS = 4;

/** The longest run of Chinese query words from `i` that sounds like a different catalogue word (尾 + 登 → 尾灯). */
export function soundalikeSpan(ws: readonly { readonly text: string; readonly kind: string }[], i: number): { length: number; word: string } | null {
  for (let n = Math.min(MAX_SOUNDALIKE_WORDS, ws.length - i); n >= 1; n--) {
    const span = ws.slice(i, i + n);
    if (span.some((w) => w.kind !== 'han')) continue;
    const word = soundalike(span.map((w) => w.text).join(''));
    if (word) return { length: n, word };
  }
  return null;
}
