import type { SubgraphContext } from '../../shared/src/context';
import type { MembershipLoaders } from './loaders/membership.loaders';

export type MembershipContext = SubgraphContext<MembershipLoaders>;
