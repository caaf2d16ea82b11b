import { In, type DataSource } from 'typeorm';
import { groupedLoader, idLoader } from '../../../shared/src/loaders';
import { Evaluation } from '../entities/evaluation.entity';
import { Indicator } from '../entities/indicator.entity';
import { Measurement } from '../entities/measurement.entity';

/** Loaders of monitoring and evaluation, one statement per batch. */
export function createMonitoringLoaders(db: DataSource) {
  return {
    indicatorById: idLoader(
      (ids) => db.getRepository(Indicator).findBy({ id: In(ids) }),
      (row) => row.id,
    ),
    indicatorsByProject: groupedLoader(
      (ids: string[]) =>
        db
          .getRepository(Indicator)
          .find({ where: { projectId: In(ids) }, order: { name: 'ASC', id: 'ASC' } }),
      (row) => row.projectId,
    ),
    /** Oldest first; on one day, in the order they were recorded. */
    measurementsByIndicator: groupedLoader(
      (ids: string[]) =>
        db.getRepository(Measurement).find({
          where: { indicatorId: In(ids) },
          order: { measuredOn: 'ASC', recordedAt: 'ASC', id: 'ASC' },
        }),
      (row) => row.indicatorId,
    ),
    /** Newest first. */
    evaluationsByProject: groupedLoader(
      (ids: string[]) =>
        db
          .getRepository(Evaluation)
          .find({ where: { projectId: In(ids) }, order: { completedOn: 'DESC', id: 'DESC' } }),
      (row) => row.projectId,
    ),
  };
}
