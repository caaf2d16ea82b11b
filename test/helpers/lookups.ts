/** Small lookups by key, across subgraphs, beside the five example operations. */

export const ENTITY_LOOKUP = /* GraphQL */ `
  query EntityLookup($acronym: String!) {
    entity(acronym: $acronym) {
      id
      acronym
      name
      kind
      isObserver
      website
      workingGroups {
        name
        shortName
      }
      projectsLed(first: 3) {
        totalCount
        pageInfo {
          hasNextPage
        }
        edges {
          node {
            code
            status
          }
        }
      }
      projectsAsPartner {
        totalCount
        edges {
          node {
            code
            leadEntity {
              acronym
            }
          }
        }
      }
    }
  }
`;

export const MEMBER_STATE_LOOKUP = /* GraphQL */ `
  query MemberStateLookup($iso3: String!) {
    memberState(iso3: $iso3) {
      iso3
      name
      officialName
      region
      subregion
      latestAssessment {
        id
        startedOn
      }
      assessments {
        id
        status
        confidentiality
        contentsWithheld
        recommendations {
          id
          number
          priority
          technicalAssistanceNeeded
          status
        }
        projects {
          code
          status
        }
      }
      projects(first: 100) {
        totalCount
        edges {
          node {
            code
          }
        }
      }
      donor {
        name
      }
    }
  }
`;

export const PROJECT_LOOKUP = /* GraphQL */ `
  query ProjectLookup($code: String!) {
    project(code: $code) {
      code
      title
      status
      startsOn
      endsOn
      leadEntity {
        acronym
        name
      }
      partnerEntities {
        acronym
        name
      }
      beneficiaryStates {
        iso3
        name
      }
      thematicAreas {
        code
        name
      }
      budget {
        amount
        currency
      }
      funded {
        amount
        currency
      }
      received {
        amount
        currency
      }
      fundingGap {
        amount
        currency
      }
      contributions {
        id
        status
        pledgedOn
        amount {
          amount
        }
        donor {
          name
        }
      }
      recommendations {
        id
        number
        priority
      }
      assessments {
        id
        startedOn
        confidentiality
      }
    }
  }
`;

/** Only the keys: the gateway can answer them from the funding subgraph alone. */
export const PROJECT_KEYS_LOOKUP = /* GraphQL */ `
  query ProjectKeysLookup($code: String!) {
    project(code: $code) {
      assessments {
        id
      }
      recommendations {
        id
      }
    }
  }
`;
