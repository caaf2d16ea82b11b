import type { ReferenceTable } from '../../shared/src/reference-table';
import type { StateDirectory } from '../../shared/src/peer-reference';
import type { Resolution } from './entities/resolution.entity';
import type { ThematicArea } from './entities/thematic-area.entity';

/** The vocabularies, read once per process: no request writes them. */
export interface AssessmentsServices {
  areas: ReferenceTable<ThematicArea>;
  resolutions: ReferenceTable<Resolution>;
  /** Each Member State's name and region, from membership. */
  states: StateDirectory;
}
