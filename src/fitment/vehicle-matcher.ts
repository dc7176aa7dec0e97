import { normalizeTitle } from './text-normalizer';
import { vehicleCatalog, type CatalogModel } from './vehicle-catalog';

/** A make, manufacturer or model found in a normalised title, [start, end) offsets. */
export interface Mention {
  readonly start: number;
  readonly end: number;
  /** Makes named by this span (a manufacturer such as 上汽通用五菱 names two). */
  readonly makes: readonly string[];
  /** Candidate models; empty for a make/manufacturer mention. */
  readonly models: readonly CatalogModel[];
}

type Payload = { kind: 'make'; make: string } | { kind: 'model'; model: CatalogModel; weak: boolean };

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  payloads: Payload[];
}

/**
 * Model names that are also ordinary words or decal motifs (阳光, 海豚, 皇冠…), or too short
 * to trust (汉, 730, H6): they only count when the title also names their make.
 */
const COMMON_WORDS = new Set([
  '阳光', '远景', '征程', '荣光', '星光', '星辰', '初恋', '海豚', '海豹', '海鸥', '皇冠', '云朵', '缤果', '大狗', '霸道', '之光', '凯捷', '佳辰', 'ONE', '310W',
  // Models added with the top-60 makes that are also coffee, cats, moods or slogans on decals.
  '摩卡', '拿铁', '玛奇朵', '蓝山', '好猫', '白猫', '黑猫', '追风', '凌云', '揽月', '瑶光', '梦想家', '追光', 'FREE', '旅行者', '大圣', '发现', '卫士',
  '世纪', '神兽', '赤兔', '猛龙', '枭龙', '酷狗', '星愿', '冒险家', '航海家', '飞行家', '领航员', '宝典', '域虎', '世嘉', 'NAT', 'MEGA', 'ICON', '熊猫',
]);

/** Separators inside a name that titles drop or add freely: "CR-V" = "CRV", "Model 3" = "MODEL3". */
const SKIPPABLE = /[\s\-_.·]/;
const MAX_SKIP_RUN = 2;
const ALNUM = /[A-Z0-9]/;
/** Powertrain suffixes glued to a model code: 宋PLUSDMI, 秦PLUSEV. */
const POWERTRAIN_SUFFIX = /^(?:EV|DMI|DM-I|DMP|DM|PHEV|HEV)(?![A-Z0-9])/;

function isWeak(key: string): boolean {
  const length = [...key].length;
  if (/^\d+$/.test(key) || length === 1) return true;
  // H6, P7, A级 (also "grade A") are weak; a Han character then a letter or digit (秦L, 豹5) reads as a car name.
  if (length <= 2 && /[A-Z0-9]/.test(key) && !/^\p{Script=Han}[A-Z0-9]$/u.test(key)) return true;
  return COMMON_WORDS.has(key);
}

function matchKey(text: string): string {
  return normalizeTitle(text).replace(/[\s\-_.·]+/g, '');
}

function buildTrie(): TrieNode {
  const root: TrieNode = { children: new Map(), payloads: [] };
  const add = (key: string, payload: Payload): void => {
    if (!key) return;
    let node = root;
    for (const ch of key) {
      let next = node.children.get(ch);
      if (!next) {
        next = { children: new Map(), payloads: [] };
        node.children.set(ch, next);
      }
      node = next;
    }
    // A model listed under two spellings that fold to one key (Macan / MACAN) is still one candidate.
    if (payload.kind === 'model' && node.payloads.some((p) => p.kind === 'model' && p.model === payload.model)) return;
    node.payloads.push(payload);
  };
  for (const make of vehicleCatalog().makes) {
    for (const alias of make.aliases) add(matchKey(alias), { kind: 'make', make: make.name });
    for (const m of make.manufacturers) add(matchKey(m.name), { kind: 'make', make: make.name });
    for (const alias of Object.keys(make.manufacturerAliases)) add(matchKey(alias), { kind: 'make', make: make.name });
    for (const model of make.models) {
      for (const alias of model.aliases) {
        const key = matchKey(alias);
        add(key, { kind: 'model', model, weak: isWeak(key) });
      }
    }
  }
  return root;
}

let trie: TrieNode | undefined;

interface Candidate {
  readonly end: number;
  readonly payloads: readonly Payload[];
  readonly first: string;
  readonly last: string;
}

/** Every dictionary key that starts at `start`, longest last; separators inside a key are skipped. */
function candidatesAt(text: string, start: number): Candidate[] {
  trie ??= buildTrie();
  const found: Candidate[] = [];
  let node = trie;
  let skipped = 0;
  let last = '';
  for (let j = start; j < text.length; j++) {
    const ch = text[j];
    if (node !== trie && SKIPPABLE.test(ch)) {
      if (++skipped > MAX_SKIP_RUN) break;
      continue;
    }
    skipped = 0;
    const next = node.children.get(ch);
    if (!next) break;
    node = next;
    last = ch;
    if (node.payloads.length > 0) found.push({ end: j + 1, payloads: node.payloads, first: text[start], last });
  }
  return found;
}

function boundaryOk(text: string, start: number, c: Candidate): boolean {
  if (ALNUM.test(c.first) && start > 0 && ALNUM.test(text[start - 1])) return false;
  if (ALNUM.test(c.last) && c.end < text.length && ALNUM.test(text[c.end])) {
    if (/\d/.test(c.last) && /\d/.test(text[c.end])) return false;
    return POWERTRAIN_SUFFIX.test(text.slice(c.end, c.end + 6));
  }
  return true;
}

function scan(text: string, mentionedMakes: ReadonlySet<string> | null): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    const cands = candidatesAt(text, i);
    let taken: Mention | null = null;
    for (let k = cands.length - 1; k >= 0 && !taken; k--) {
      const c = cands[k];
      if (!boundaryOk(text, i, c)) continue;
      const makes: string[] = [];
      const models: CatalogModel[] = [];
      for (const p of c.payloads) {
        if (p.kind === 'make') makes.push(p.make);
        else if (mentionedMakes && (!p.weak || mentionedMakes.has(p.model.makeName))) models.push(p.model);
      }
      if (models.length > 0) taken = { start: i, end: c.end, makes: [], models };
      else if (makes.length > 0) taken = { start: i, end: c.end, makes, models: [] };
    }
    if (taken) {
      mentions.push(taken);
      i = taken.end;
    } else {
      i++;
    }
  }
  return mentions;
}

/**
 * Leftmost-longest dictionary scan. A first pass collects the makes the title names so a
 * weak model name (730, 汉, H6) is only believed when its make is present.
 */
export function findMentions(text: string): Mention[] {
  const makes = new Set(scan(text, null).flatMap((m) => m.makes));
  return scan(text, makes);
}

let byMakeKey: Map<string, CatalogModel> | undefined;

function modelByKey(make: string, key: string): CatalogModel | undefined {
  if (!byMakeKey) {
    byMakeKey = new Map();
    for (const mk of vehicleCatalog().makes) for (const m of mk.models) for (const a of m.aliases) byMakeKey.set(`${mk.name}|${matchKey(a)}`, m);
  }
  return byMakeKey.get(`${make}|${key}`);
}

const SHORTHAND_TAIL = /^(?:\s{0,2}[/、,，&+和与及]\s{0,2}|\s{1,2})([A-Z0-9丫]{1,5})(?![A-Z0-9]|\s?[座款年代寸万元米只个件套片])/;

/**
 * Sibling models written as a suffix only: "Model 3/Y", "宏光S1 S3 V", "瑞虎8/7". The suffix
 * replaces the Latin/digit tail of the model just named and must give another model of the
 * same make; anything else ends the list.
 */
export function expandShorthand(text: string, mention: Mention, model: CatalogModel): Mention[] {
  const key = matchKey(model.name);
  // Model 3 → "MODEL"+Y, 宏光S1 → "宏光"+S3: try the shorter tails first.
  const stems = [...new Set([key.replace(/\d+$/, ''), key.replace(/[A-Z0-9]$/, ''), key.replace(/[A-Z]+$/, ''), key.replace(/[A-Z0-9]+$/, '')])].filter((s) => s && s !== key);
  if (stems.length === 0) return [];
  const extra: Mention[] = [];
  let pos = mention.end;
  for (let guard = 0; guard < 6; guard++) {
    const m = SHORTHAND_TAIL.exec(text.slice(pos, pos + 12));
    if (!m) break;
    const tail = m[1].replace('丫', 'Y');
    const sibling = stems.map((stem) => modelByKey(model.makeName, stem + tail)).find((x) => x !== undefined);
    if (!sibling) break;
    extra.push({ start: pos, end: pos + m[0].length, makes: [], models: [sibling] });
    pos += m[0].length;
  }
  return extra;
}
