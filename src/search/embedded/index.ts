export { EmbeddedSearchEngine, MAX_TOTAL_HITS, type DocumentSource } from './embedded-engine';
