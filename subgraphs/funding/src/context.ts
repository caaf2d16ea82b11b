import type { SubgraphContext } from '../../shared/src/context';
import type { FundingLoaders } from './loaders/funding.loaders';

export type FundingContext = SubgraphContext<FundingLoaders>;
