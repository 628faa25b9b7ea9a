// The built-in summariser: extractive, offline, deterministic, in Korean, Vietnamese and English. Sentences of
// every agency's text are scored by TF-IDF centrality (mean cosine similarity to all other sentences, the
// continuous LexRank of Erkan & Radev 2004 without the power iteration), then picked by maximal marginal
// relevance (Carbonell & Goldstein 1998) so two agencies saying the same thing yield one sentence. Each picked
// sentence keeps its source: the report, the agency and its index within that report's text.

export type Lang = 'ko' | 'vi' | 'en';
export type SourceText = { reportId: string; agencyId: string; agencyName: string; text: string };
export type Picked = {
  id: number;
  reportId: string;
  agencyId: string;
  agencyName: string;
  sentenceIndex: number;
  text: string;
};

const hangul = /[\uac00-\ud7a3]/;
const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

export function detectLanguage(text: string): Lang {
  if (hangul.test(text)) return 'ko';
  if (vietnamese.test(text)) return 'vi';
  return 'en';
}

/**
 * Sentences end at . ! ? … (and 。) followed by a space or the end, and at line breaks. Korean formal endings
 * (…다. …음. …함. …임. …됨.) end in a full stop and are covered; a Korean ending form followed by a line break
 * without punctuation ends a sentence too. Decimal numbers (1.5, 12.300) never split: a space must follow.
 */
export function splitSentences(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\n+|(?<=[.!?…。])\s+/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

const stopWords: Record<Lang, Set<string>> = {
  en: new Set(
    'a an the and or but of to in on at for with by from as is are was were be been being it its this that these those we our they their has have had not no so than then there which who will would can could also into more most such'.split(
      ' ',
    ),
  ),
  vi: new Set(
    'và của là có các những được cho trong với đã đang sẽ này đó khi từ để theo về một thì mà như tại do bị còn rất cũng vẫn ra lại nên nhưng hoặc trên dưới'.split(
      ' ',
    ),
  ),
  ko: new Set(['및', '등', '그', '이', '저', '것', '수', '또한', '그리고', '하지만', '위해', '대한', '통해']),
};

/** Korean particles stripped from the end of an eojeol before its character bigrams are taken. */
const koParticles =
  /(으로|에서|에게|까지|부터|보다|처럼|이다|입니다|은|는|이|가|을|를|에|의|와|과|도|로|만)$/u;

export function tokenise(sentence: string, lang: Lang): string[] {
  const words = sentence
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (lang === 'ko') {
    const out: string[] = [];
    for (const w of words) {
      if (stopWords.ko.has(w)) continue;
      const stem = w.length > 2 ? w.replace(koParticles, '') : w;
      if (stem.length < 2) {
        if (stem) out.push(stem);
        continue;
      }
      for (let i = 0; i + 1 < stem.length; i++) out.push(stem.slice(i, i + 2));
    }
    return out;
  }
  if (lang === 'vi') {
    // Vietnamese words are one or more syllables: syllables and syllable bigrams stand in for a segmenter.
    const syl = words.filter((w) => !stopWords.vi.has(w));
    const bigrams = words.slice(1).map((w, i) => `${words[i]}_${w}`);
    return [...syl, ...bigrams.filter((b) => !b.split('_').every((s) => stopWords.vi.has(s)))];
  }
  return words.filter((w) => !stopWords.en.has(w) && w.length > 1).map((w) => w.replace(/(ies|es|s)$/, ''));
}

type Vector = Map<string, number>;

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Picks up to k sentences across the sources, each with its citation; same input, same output. */
export function summarise(sources: SourceText[], k = 4, lambda = 0.7): Picked[] {
  const lang = detectLanguage(sources.map((s) => s.text).join(' '));
  const sentences = sources.flatMap((s) =>
    splitSentences(s.text).map((text, sentenceIndex) => ({
      reportId: s.reportId,
      agencyId: s.agencyId,
      agencyName: s.agencyName,
      sentenceIndex,
      text,
      tokens: tokenise(text, lang),
    })),
  );
  const usable = sentences.filter((s) => s.tokens.length >= 2);
  if (usable.length === 0) return [];
  const df = new Map<string, number>();
  for (const s of usable) for (const t of new Set(s.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = usable.length;
  const vectors = usable.map((s) => {
    const v: Vector = new Map();
    for (const t of s.tokens) v.set(t, (v.get(t) ?? 0) + 1);
    for (const [t, tf] of v) v.set(t, tf * Math.log(1 + n / (df.get(t) ?? 1)));
    return v;
  });
  const sim = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : cosine(a, b))));
  const score = sim.map((row) => (n > 1 ? row.reduce((x, y) => x + y, 0) / (n - 1) : 1));
  const top = Math.max(...score) || 1;
  const chosen: number[] = [];
  const skipped = new Set<number>();
  while (chosen.length < Math.min(k, n)) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (chosen.includes(i) || skipped.has(i)) continue;
      const redundancy = chosen.length ? Math.max(...chosen.map((j) => sim[i]![j]!)) : 0;
      const value = lambda * (score[i]! / top) - (1 - lambda) * redundancy;
      // Strict comparison keeps the earliest sentence on ties: deterministic.
      if (value > bestValue + 1e-12) {
        best = i;
        bestValue = value;
      }
    }
    if (best < 0) break;
    // A near-duplicate of a chosen sentence adds nothing.
    if (chosen.some((j) => sim[best]![j]! > 0.8)) skipped.add(best);
    else chosen.push(best);
  }
  return chosen.map((i, rank) => {
    const s = usable[i]!;
    return {
      id: rank + 1,
      reportId: s.reportId,
      agencyId: s.agencyId,
      agencyName: s.agencyName,
      sentenceIndex: s.sentenceIndex,
      text: s.text,
    };
  });
}

/** The extractive summary as text: each sentence followed by its citation mark. */
export const extractiveText = (picked: Picked[]) => picked.map((p) => `${p.text} [${p.id}]`).join(' ');
