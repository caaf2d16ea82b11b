import { registerEnumType } from 'type-graphql';

/** The six-point scale on which UN evaluations rate a project's performance. */
export enum EvaluationRating {
  HIGHLY_SATISFACTORY = 'HIGHLY_SATISFACTORY',
  SATISFACTORY = 'SATISFACTORY',
  MODERATELY_SATISFACTORY = 'MODERATELY_SATISFACTORY',
  MODERATELY_UNSATISFACTORY = 'MODERATELY_UNSATISFACTORY',
  UNSATISFACTORY = 'UNSATISFACTORY',
  HIGHLY_UNSATISFACTORY = 'HIGHLY_UNSATISFACTORY',
}

registerEnumType(EvaluationRating, {
  name: 'EvaluationRating',
  description: "An evaluation's overall rating of a project, on a six-point scale.",
  valuesConfig: {
    HIGHLY_SATISFACTORY: { description: 'No shortcomings; the project exceeded expectations.' },
    SATISFACTORY: { description: 'Minor shortcomings.' },
    MODERATELY_SATISFACTORY: { description: 'Moderate shortcomings.' },
    MODERATELY_UNSATISFACTORY: { description: 'Significant shortcomings.' },
    UNSATISFACTORY: { description: 'Major shortcomings.' },
    HIGHLY_UNSATISFACTORY: { description: 'Severe shortcomings; the project fell far short.' },
  },
});
