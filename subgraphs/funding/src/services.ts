import type { Named, PeerReference, StateDirectory } from '../../shared/src/peer-reference';
import type { CoverageReconciler } from './addressed/reconciler';
import type { AddressedRelay } from './addressed/relay';

/**
 * What funding runs beside its requests: the delivery of its outbox to assessments and the
 * reconciliation of assessments' copy, and what it keeps of its peers' reference rows (states
 * and regions, entity and thematic area names).
 */
export interface FundingServices {
  addressed: AddressedRelay;
  reconciler: CoverageReconciler;
  states: StateDirectory;
  entityNames: PeerReference<Named>;
  areaNames: PeerReference<Named>;
}
