/** What other features (the back office) use of search; the engines are wired in src/app/. */
export { topQueries, zeroResultQueries, type QueryCount } from './query-stats';
export {
  formatSynonymGroups,
  LIMITS as SEARCH_SETTINGS_LIMITS,
  loadStopWords,
  loadSynonymGroups,
  parseStopWords,
  parseSynonymGroups,
  saveStopWords,
  saveSynonymGroups,
  SearchSettingsError,
} from './search-settings';
