import { CityRepository, type Database, IndicatorRepository, ObservationRepository, SourceRepository } from "../db/index.js";

/** What every use case may load through: the open database and its repositories. */
export interface AppContext {
  readonly database: Database;
  readonly cities: CityRepository;
  readonly indicators: IndicatorRepository;
  readonly observations: ObservationRepository;
  readonly sources: SourceRepository;
}

export function createContext(database: Database): AppContext {
  return {
    database,
    cities: new CityRepository(database.db),
    indicators: new IndicatorRepository(database.db),
    observations: new ObservationRepository(database.db),
    sources: new SourceRepository(database.db),
  };
}
