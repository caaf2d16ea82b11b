import type { DataSource } from 'typeorm';
import type { Dataset } from '../../../shared/src/dataset/rows';
import { insertMissing, withProvenance } from '../../../shared/src/seeding';
import { Appeal } from '../entities/appeal.entity';
import { Contribution } from '../entities/contribution.entity';
import { Donor } from '../entities/donor.entity';
import {
  ProjectAssessment,
  ProjectBeneficiary,
  ProjectPartner,
  ProjectRecommendation,
  ProjectThematicArea,
} from '../entities/project-link.entity';
import { Project } from '../entities/project.entity';
import { Programme } from '../entities/programme.entity';
import { recordChanged } from '../addressed/outbox';
import { CURRENCY } from '../money';

export async function seedFunding(db: DataSource, { funding }: Dataset): Promise<void> {
  const { projects } = funding;
  const links = <T>(
    pick: (p: (typeof projects)[number]) => T[],
    row: (projectId: string, value: T) => object,
  ) => projects.flatMap((p) => pick(p).map((value) => row(p.id, value)));
  await db.transaction(async (tx) => {
    await insertMissing(tx, Programme, funding.programmes.map(withProvenance));
    await insertMissing(
      tx,
      Appeal,
      funding.appeals.map((row) => withProvenance({ ...row, currency: CURRENCY })),
    );
    await insertMissing(tx, Donor, funding.donors.map(withProvenance));
    await insertMissing(
      tx,
      Project,
      projects.map(
        ({
          partnerEntityAcronyms,
          beneficiaryStateIso3s,
          thematicAreaCodes,
          recommendationIds,
          assessmentIds,
          ...row
        }) => withProvenance(row),
      ),
    );
    await insertMissing(
      tx,
      ProjectPartner,
      links(
        (p) => p.partnerEntityAcronyms,
        (projectId, entityAcronym) => ({ projectId, entityAcronym }),
      ),
    );
    await insertMissing(
      tx,
      ProjectBeneficiary,
      links(
        (p) => p.beneficiaryStateIso3s,
        (projectId, memberStateIso3) => ({ projectId, memberStateIso3 }),
      ),
    );
    await insertMissing(
      tx,
      ProjectThematicArea,
      links(
        (p) => p.thematicAreaCodes,
        (projectId, thematicAreaCode) => ({ projectId, thematicAreaCode }),
      ),
    );
    await insertMissing(
      tx,
      ProjectRecommendation,
      links(
        (p) => p.recommendationIds,
        (projectId, recommendationId) => ({ projectId, recommendationId }),
      ),
    );
    // Every recommendation projects address, for the relay to deliver its state to assessments.
    await recordChanged(
      tx,
      projects.flatMap((p) => p.recommendationIds),
      { unrecordedOnly: true },
    );
    await insertMissing(
      tx,
      ProjectAssessment,
      links(
        (p) => p.assessmentIds,
        (projectId, assessmentId) => ({ projectId, assessmentId }),
      ),
    );
    await insertMissing(
      tx,
      Contribution,
      funding.contributions.map(({ amount, ...row }) =>
        withProvenance({ ...row, amountValue: amount }),
      ),
    );
  });
}
