/**
 * Typo rules of Meilisearch (typoTolerance defaults): words of 5+ characters allow one typo, 9+
 * allow two. A typo is one Damerau-Levenshtein edit (insert, delete, substitute, swap neighbours).
 */
export function allowedTypos(word: string): number {
  const n = Array.from(word).length;
  if (n >= 9) return 2;
  if (n >= 5) return 1;
  return 0;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  word: string | null;
}

function node(): TrieNode {
  return { children: new Map(), word: null };
}

/**
 * Latin vocabulary for typo and prefix expansion. A trie walked with one edit-distance row per
 * level (restricted Damerau-Levenshtein) visits only branches that can still be within the bound,
 * so a lookup stays well under a millisecond at tens of thousands of words.
 */
export class Vocabulary {
  private readonly root = node();
  private count = 0;

  has(word: string): boolean {
    let n: TrieNode | undefined = this.root;
    for (const ch of word) {
      n = n.children.get(ch);
      if (!n) return false;
    }
    return n.word !== null;
  }

  get size(): number {
    return this.count;
  }

  add(word: string): void {
    let n = this.root;
    for (const ch of word) {
      let next = n.children.get(ch);
      if (!next) {
        next = node();
        n.children.set(ch, next);
      }
      n = next;
    }
    if (n.word === null) {
      n.word = word;
      this.count++;
    }
  }

  /** Words within `maxDistance` edits of `word`, with their distance, closest first; at most `limit`. */
  fuzzy(word: string, maxDistance: number, limit: number): { word: string; distance: number }[] {
    const target = Array.from(word);
    const out: { word: string; distance: number }[] = [];
    const first = Array.from({ length: target.length + 1 }, (_, i) => i);
    const walk = (n: TrieNode, ch: string, prevCh: string | null, prev: number[], prevPrev: number[] | null): void => {
      const row = [prev[0] + 1];
      let best = row[0];
      for (let j = 1; j <= target.length; j++) {
        const cost = target[j - 1] === ch ? 0 : 1;
        let v = Math.min(row[j - 1] + 1, prev[j] + 1, prev[j - 1] + cost);
        if (prevPrev && prevCh !== null && j > 1 && target[j - 1] === prevCh && target[j - 2] === ch) v = Math.min(v, prevPrev[j - 2] + 1);
        row.push(v);
        if (v < best) best = v;
      }
      if (n.word !== null && row[target.length] <= maxDistance) out.push({ word: n.word, distance: row[target.length] });
      if (best > maxDistance) return;
      for (const [c, child] of n.children) walk(child, c, ch, row, prev);
    };
    for (const [c, child] of this.root.children) walk(child, c, null, first, null);
    out.sort((a, b) => a.distance - b.distance || a.word.length - b.word.length);
    return out.slice(0, limit);
  }
}
