export { openDatabase, type Database, type Dialect } from "./database.js";
export { migrateToLatest } from "./migrate.js";
export { CityRepository, decodeCursor, encodeCursor, type CitySearch, type CityPage } from "./repositories/city.repository.js";
export { IndicatorRepository } from "./repositories/indicator.repository.js";
export { ObservationRepository, type ObservationFilter, type ObservationInput, type ObservationKey, type LatestValue, type Coverage } from "./repositories/observation.repository.js";
export { SourceRepository } from "./repositories/source.repository.js";
