import { firstPage, firstPageInfo } from './connection';
import { latestAssessmentOf, projectsOf, workingGroupsOf } from './expected';
import { fundedCents } from './expected-funding';
import { atLeastZero, cents, sumCents, usd } from './money';
import { byId, byProjectCode, compareText, contentsReadable, isListed, seed } from './seed';
import { ContributionStatus } from '../../subgraphs/shared/src/vocabulary';

/** Answers of the lookups in ./lookups.ts for an anonymous caller, from the seed rows. */

export function expectedEntityLookup(acronym: string) {
  const entity = seed().entity(acronym);
  const { led, partnered } = projectsOf(acronym);
  return {
    entity: {
      id: entity.id,
      acronym: entity.acronym,
      name: entity.name,
      kind: entity.kind,
      isObserver: entity.isObserver,
      website: entity.website,
      workingGroups: workingGroupsOf(acronym),
      projectsLed: {
        ...firstPage(
          led.map((p) => ({ code: p.code, status: p.status })),
          3,
        ),
        pageInfo: { hasNextPage: firstPageInfo(led, 3).hasNextPage },
      },
      projectsAsPartner: firstPage(
        partnered.map((p) => ({ code: p.code, leadEntity: { acronym: p.leadEntityAcronym } })),
      ),
    },
  };
}

export function expectedMemberStateLookup(iso3: string) {
  const s = seed();
  const state = s.state(iso3);
  const benefiting = s.data.funding.projects
    .filter((p) => p.beneficiaryStateIso3s.includes(iso3))
    .sort(byProjectCode);
  const donor = s.data.funding.donors.find((d) => d.memberStateIso3 === iso3);
  const latest = latestAssessmentOf(iso3);
  return {
    memberState: {
      iso3: state.iso3,
      name: state.name,
      officialName: state.officialName,
      region: state.region,
      subregion: state.subregion,
      latestAssessment: latest && { id: latest.id, startedOn: latest.startedOn },
      assessments: s.assessmentsOf(iso3).map((a) => ({
        id: a.id,
        status: a.status,
        confidentiality: a.confidentiality,
        contentsWithheld: !contentsReadable(a),
        recommendations: s.recommendationsOf(a).map((r) => ({
          id: r.id,
          number: r.number,
          priority: r.priority,
          technicalAssistanceNeeded: r.technicalAssistanceNeeded,
          status: r.status,
        })),
        projects: s.projectsUsing(a.id).map((p) => ({ code: p.code, status: p.status })),
      })),
      projects: firstPage(
        benefiting.map((p) => ({ code: p.code })),
        100,
      ),
      donor: donor ? { name: donor.name } : null,
    },
  };
}

export function expectedProjectLookup(code: string) {
  const s = seed();
  const project = s.data.funding.projects.find((p) => p.code === code);
  if (!project) throw new Error(`No project ${code} in the seed`);
  const given = s.contributionsTo(project.id);
  const funded = fundedCents(project);
  const entity = (acronym: string) => ({ acronym, name: s.entity(acronym).name });
  return {
    project: {
      code: project.code,
      title: project.title,
      status: project.status,
      startsOn: project.startsOn,
      endsOn: project.endsOn,
      leadEntity: entity(project.leadEntityAcronym),
      partnerEntities: [...project.partnerEntityAcronyms].sort(compareText).map(entity),
      beneficiaryStates: [...project.beneficiaryStateIso3s]
        .sort(compareText)
        .map((iso3) => ({ iso3, name: s.state(iso3).name })),
      thematicAreas: [...project.thematicAreaCodes]
        .sort(compareText)
        .map((c) => ({ code: c, name: s.thematicArea(c).name })),
      budget: usd(cents(project.budget)),
      funded: usd(funded),
      received: usd(
        sumCents(
          given.filter((c) => c.status === ContributionStatus.RECEIVED).map((c) => c.amount),
        ),
      ),
      fundingGap: usd(atLeastZero(cents(project.budget) - funded)),
      contributions: given.map((c) => ({
        id: c.id,
        status: c.status,
        pledgedOn: c.pledgedOn,
        amount: { amount: usd(cents(c.amount)).amount },
        donor: { name: s.donor(c.donorId).name },
      })),
      // Absent, not null, where an anonymous caller may not see them: not even the id shows.
      recommendations: project.recommendationIds
        .map((id) => s.recommendation(id))
        .sort(byId)
        .filter((r) => contentsReadable(s.assessment(r.assessmentId)))
        .map((r) => ({ id: r.id, number: r.number, priority: r.priority })),
      assessments: project.assessmentIds
        .map((id) => s.assessment(id))
        .sort(byId)
        .filter(isListed)
        .map((a) => ({ id: a.id, startedOn: a.startedOn, confidentiality: a.confidentiality })),
    },
  };
}
