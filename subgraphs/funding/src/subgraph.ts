import {
  assessmentsAreaNames,
  membershipEntityNames,
  membershipStates,
  PeerReference,
  StateDirectory,
  type Named,
} from '../../shared/src/peer-reference';
import type { SubgraphDefinition } from '../../shared/src/subgraph';
import { assessmentsCopy } from './addressed/assessments-client';
import { CoverageReconciler } from './addressed/reconciler';
import { AddressedRelay } from './addressed/relay';
import { fundingEntities } from './entities';
import { createFundingLoaders, type FundingLoaders } from './loaders/funding.loaders';
import { fundingMigrations } from './migrations';
import { buildFundingSchema } from './schema';
import { seedFunding } from './seed/seed-funding';
import type { FundingServices } from './services';

export const funding: SubgraphDefinition<FundingLoaders, FundingServices> = {
  name: 'funding',
  defaultPort: 4003,
  defaultMetricsPort: 9093,
  entities: fundingEntities,
  migrations: fundingMigrations,
  buildSchema: buildFundingSchema,
  createLoaders: createFundingLoaders,
  seed: seedFunding,
  createServices({ db, logger, peers, signingSecret, metrics, config }) {
    const copy = assessmentsCopy(peers.assessments, signingSecret);
    const addressed = new AddressedRelay(db, { copy, logger });
    const reconciler = new CoverageReconciler({
      db,
      relay: addressed,
      copy,
      logger,
      metrics,
      intervalMs: config.coverageReconcileIntervalMs,
    });
    const options = { signingSecret };
    const byKey = (row: Named) => row.key;
    const references = {
      states: new StateDirectory(membershipStates(peers.membership, options)),
      entityNames: new PeerReference(
        'membership',
        'the names of the Compact entities',
        membershipEntityNames(peers.membership, options),
        byKey,
      ),
      areaNames: new PeerReference(
        'assessments',
        'the names of the thematic areas',
        assessmentsAreaNames(peers.assessments, options),
        byKey,
      ),
    };
    // Read at start if the peers answer, else when first asked for: they may start later.
    for (const reference of Object.values(references)) void reference.all().catch(() => undefined);
    reconciler.start();
    return {
      addressed,
      reconciler,
      ...references,
      ready: addressed.start(),
      async stop() {
        await reconciler.stop();
        await addressed.stop();
      },
    };
  },
  peers: {
    membership: 'http://localhost:4001/graphql',
    assessments: 'http://localhost:4002/graphql',
  },
};
