/** One operation per view: each screen, and each change of its filters, is one request. */

export const WORLD = /* GraphQL */ `
  query ExploreWorld($filter: RecommendationFilter!) {
    memberStates {
      iso3
      name
      region
    }
    thematicAreas {
      code
      name
    }
    byState: coverageSummary(groupBy: MEMBER_STATE, filter: $filter) {
      key
      label
      recommendations
      addressed
      unaddressed
    }
  }
`;

export const STATE = /* GraphQL */ `
  query ExploreState($iso3: String!) {
    memberStates {
      iso3
      name
    }
    memberState(iso3: $iso3) {
      iso3
      name
      region
      subregion
      assessments(first: 20) {
        id
        type
        format
        startedOn
        endedOn
        status
        confidentiality
        contentsWithheld
        leadEntity {
          acronym
        }
        coverage(technicalAssistanceNeeded: true) {
          recommendations
          addressed
          unaddressed
        }
      }
      recommendations(first: 100) {
        totalCount
        edges {
          node {
            id
            text
            priority
            technicalAssistanceNeeded
            status
            thematicArea {
              name
            }
            assessment {
              id
            }
            addressedBy {
              code
              title
              status
            }
          }
        }
      }
      unaddressedRecommendations(first: 100) {
        id
        text
        priority
        technicalAssistanceNeeded
        thematicArea {
          name
        }
      }
      projects(first: 100) {
        totalCount
        edges {
          node {
            code
            title
            status
            leadEntity {
              acronym
            }
            budget {
              amount
              currency
            }
            fundingGap {
              amount
              currency
            }
          }
        }
      }
    }
  }
`;

const MONEY = 'amount currency';

export const FUNDING = /* GraphQL */ `
  query ExploreFunding($by: FundingGroupBy!, $filter: ProjectFilter) {
    appeals {
      id
      title
      period
      requested { ${MONEY} }
      funded { ${MONEY} }
      gap { ${MONEY} }
    }
    groups: fundingSummary(groupBy: $by, filter: $filter) {
      key
      label
      projects
      budget { ${MONEY} }
      funded { ${MONEY} }
      gap { ${MONEY} }
    }
  }
`;

export const PROJECTS_PAGE_SIZE = 20;

export const PROJECTS = /* GraphQL */ `
  query ExploreProjects($filter: ProjectFilter, $first: Int, $after: String) {
    thematicAreas {
      code
      name
    }
    entities(first: 100) {
      edges {
        node {
          acronym
          name
        }
      }
    }
    projects(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        node {
          code
          title
          summary
          status
          startsOn
          endsOn
          leadEntity {
            acronym
          }
          partnerEntities {
            acronym
          }
          beneficiaryStates {
            iso3
            name
          }
          thematicAreas {
            name
          }
          budget { ${MONEY} }
          fundingGap { ${MONEY} }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
