export { MeilisearchEngine, SearchUnavailableError, type MeilisearchEngineOptions } from './meilisearch-engine';
export { toMeiliDocument, documentUid, type MeiliDocument } from './document-mapper';
export { indexSettings, SEARCHABLE_ATTRIBUTES } from './index-settings';
