import type { SubgraphContext } from '../../shared/src/context';
import type { AssessmentsLoaders } from './loaders/assessments.loaders';

export type AssessmentsContext = SubgraphContext<AssessmentsLoaders>;
