export { fold, foldWithOffsets, type FoldedText } from './normalize';
export { indexTerms, analyzeQuery, words, MAX_QUERY_WORDS, type FieldMode, type QueryWord, type AnalyzedQuery } from './analyzer';
export { pinyinTerms } from './pinyin-terms';
export { cutWords, cutForSearch } from './segmenter';
export { allowedTypos, Vocabulary } from './typo-tolerance';
export { highlight, crop, escapeHtml, type HighlightTerms } from './highlighter';
export { DOMAIN_WORDS, VEHICLE_WORDS, PART_WORDS, segmenterWords } from './domain-words';
export { soundalike, soundalikeSpan } from './soundalike';
export { joinHyphenatedCodes, splitHanCode } from './codes';
