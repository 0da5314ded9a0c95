import { CityRepository, type Database, IndicatorRepository, ObservationRepository, SourceRepository } from "../db/index.js";
import { AirAnnualRepository } from "../db/repositories/air-annual.repository.js";
import { AirDailyRepository } from "../db/repositories/air-daily.repository.js";
import { AirStationRepository } from "../db/repositories/air-station.repository.js";
import { ClimateActionRepository } from "../db/repositories/climate-action.repository.js";
import { EmissionFactorRepository } from "../db/repositories/emission-factor.repository.js";
import { InventoryRepository } from "../db/repositories/inventory.repository.js";
import { MatchingRepository } from "../db/repositories/matching.repository.js";
import { PracticeRepository } from "../db/repositories/practice.repository.js";
import { TargetRepository } from "../db/repositories/target.repository.js";
import { ProgrammeRepository } from "../db/repositories/programme.repository.js";
import { CooperationRepository } from "../db/repositories/cooperation.repository.js";
import { CooperationWorkRepository } from "../db/repositories/cooperation-work.repository.js";
import { MonitoringRepository } from "../db/repositories/monitoring.repository.js";
import { VisionRepository } from "../db/repositories/vision.repository.js";
import { VisionParticipationRepository } from "../db/repositories/vision-participation.repository.js";
import { ReadinessRepository } from "../db/repositories/readiness.repository.js";
import { AccountRepository } from "../db/repositories/account.repository.js";
import { AuditRepository } from "../db/repositories/audit.repository.js";

/** What every use case may load through: the open database and its repositories. */
export interface AppContext {
  readonly database: Database;
  readonly cities: CityRepository;
  readonly indicators: IndicatorRepository;
  readonly observations: ObservationRepository;
  readonly sources: SourceRepository;
  readonly airStations: AirStationRepository;
  readonly airDaily: AirDailyRepository;
  readonly airAnnual: AirAnnualRepository;
  readonly emissionFactors: EmissionFactorRepository;
  readonly inventories: InventoryRepository;
  readonly targets: TargetRepository;
  readonly climateActions: ClimateActionRepository;
  readonly practices: PracticeRepository;
  readonly matching: MatchingRepository;
  readonly programmes: ProgrammeRepository;
  readonly cooperations: CooperationRepository;
  readonly work: CooperationWorkRepository;
  readonly monitoring: MonitoringRepository;
  readonly vision: VisionRepository;
  readonly visionParticipation: VisionParticipationRepository;
  readonly readiness: ReadinessRepository;
  readonly accounts: AccountRepository;
  readonly audit: AuditRepository;
}

/** `instance`: the name written on this process's audit rows (config.instanceName; default host:pid). */
export function createContext(database: Database, opts: { instance?: string | null } = {}): AppContext {
  return {
    database,
    cities: new CityRepository(database.db),
    indicators: new IndicatorRepository(database.db),
    observations: new ObservationRepository(database.db),
    sources: new SourceRepository(database.db),
    airStations: new AirStationRepository(database.db),
    airDaily: new AirDailyRepository(database.db),
    airAnnual: new AirAnnualRepository(database.db),
    emissionFactors: new EmissionFactorRepository(database.db),
    inventories: new InventoryRepository(database.db),
    targets: new TargetRepository(database.db),
    climateActions: new ClimateActionRepository(database.db),
    practices: new PracticeRepository(database.db, database.dialect, database.reader),
    matching: new MatchingRepository(database.db),
    programmes: new ProgrammeRepository(database.db),
    cooperations: new CooperationRepository(database.db),
    work: new CooperationWorkRepository(database.db),
    monitoring: new MonitoringRepository(database.db),
    vision: new VisionRepository(database.db),
    visionParticipation: new VisionParticipationRepository(database.db),
    readiness: new ReadinessRepository(database.db),
    accounts: new AccountRepository(database.db),
    audit: new AuditRepository(database.db, opts.instance ?? undefined),
  };
}
