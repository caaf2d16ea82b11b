import type { ThematicAreaCode } from './facts';

/**
 * Sample project titles and summaries per thematic area (the project's first area); `{where}`
 * names the beneficiary States or their subregion.
 */
export const PROJECT_TEXTS: Record<ThematicAreaCode, { titles: string[]; summaries: string[] }> = {
  INTERNATIONAL_COOPERATION: {
    titles: [
      'Regional counter-terrorism cooperation platform for {where}',
      'Strengthening cross-border information sharing in {where}',
    ],
    summaries: [
      'Connects the counter-terrorism authorities of {where} with regional partners through joint meetings, liaison officers and secure information-sharing channels.',
      'Helps {where} coordinate the technical assistance offered by international partners and exchange operational information with neighbouring States.',
    ],
  },
  THREAT_ASSESSMENT: {
    titles: [
      'National terrorism threat assessment capacity in {where}',
      'Analytical training for counter-terrorism units in {where}',
    ],
    summaries: [
      'Trains analysts in {where} in structured analytical techniques and supports the drafting of a periodic national threat assessment.',
      'Supports a joint threat-assessment function in {where} that brings together intelligence, police, border and prison services.',
    ],
  },
  CRIMINAL_JUSTICE: {
    titles: [
      'Criminal justice responses to terrorism in {where}',
      'Specialized prosecution of terrorism cases in {where}',
    ],
    summaries: [
      'Trains judges, prosecutors and investigators in {where} to handle terrorism cases in line with the rule of law, including the use of digital and financial evidence.',
      'Supports legislative review and the prosecution, rehabilitation and reintegration of persons associated with terrorist groups in {where}.',
    ],
  },
  LEGAL_COOPERATION: {
    titles: [
      'Mutual legal assistance and extradition in terrorism cases in {where}',
      'Ratification and implementation of the counter-terrorism instruments in {where}',
    ],
    summaries: [
      'Strengthens central authorities in {where} to request and execute mutual legal assistance, including for electronic evidence held abroad.',
      'Provides legislative drafting support to {where} for ratifying and implementing the international counter-terrorism instruments.',
    ],
  },
  CFT: {
    titles: [
      'Strengthening financial intelligence against terrorist financing in {where}',
      'Countering the financing of terrorism in {where}: risk assessment and asset freezing',
      'Parallel financial investigations in terrorism cases in {where}',
    ],
    summaries: [
      'Trains financial intelligence analysts, investigators and prosecutors in {where} to detect, investigate and disrupt terrorist financing.',
      'Supports {where} in assessing terrorist-financing risks and in freezing terrorist assets without delay, with proportionate oversight of non-profit organizations.',
    ],
  },
  CVE: {
    titles: [
      'Community resilience to violent extremism in {where}',
      'National plans of action to prevent violent extremism in {where}',
    ],
    summaries: [
      'Supports community-based prevention in {where}, working with local authorities, youth, women and religious and community leaders.',
      'Helps {where} design, cost and evaluate national plans of action to prevent violent extremism conducive to terrorism.',
    ],
  },
  CT_STRATEGIES: {
    titles: [
      'National counter-terrorism strategy support for {where}',
      'Counter-terrorism coordination and monitoring in {where}',
    ],
    summaries: [
      'Supports {where} in drafting, adopting and monitoring comprehensive national counter-terrorism strategies.',
      'Strengthens national counter-terrorism coordination bodies in {where} and builds a monitoring and evaluation framework for their strategies.',
    ],
  },
  LAW_ENFORCEMENT: {
    titles: [
      'Intelligence-led policing against terrorism in {where}',
      'Counter-terrorism investigations and digital evidence in {where}',
    ],
    summaries: [
      'Trains police and investigators in {where} in intelligence-led policing, digital evidence and crime-scene management.',
      'Gives frontline law enforcement in {where} access to national and INTERPOL databases and the skills to use them.',
    ],
  },
  BORDER_MANAGEMENT: {
    titles: [
      'Countering terrorist travel in {where}: API/PNR and watchlists',
      'Border security and management in {where}',
      'Aviation security and passenger screening in {where}',
    ],
    summaries: [
      'Helps {where} collect and analyse advance passenger information and passenger name records, with data-protection safeguards, to detect terrorist travel.',
      'Equips and trains border agencies in {where} to screen travellers against watchlists and detect forged documents, in cooperation with customs.',
    ],
  },
  HUMAN_RIGHTS: {
    titles: [
      'Human rights and the rule of law in counter-terrorism in {where}',
      'Support to victims of terrorism in {where}',
    ],
    summaries: [
      'Trains law enforcement and justice officials in {where} to respect human rights while countering terrorism, and supports independent oversight.',
      'Strengthens legal, medical and psychosocial assistance to victims of terrorism in {where} and their associations.',
    ],
  },
  GENDER: {
    titles: [
      'Gender-sensitive approaches to counter-terrorism in {where}',
      "Women's participation in counter-terrorism and prevention in {where}",
    ],
    summaries: [
      'Integrates a gender perspective into counter-terrorism and prevention work in {where}, including sex-disaggregated data and consultation with women-led organizations.',
      'Supports gender-sensitive rehabilitation and reintegration of women and girls associated with terrorist groups in {where}.',
    ],
  },
  INCITEMENT: {
    titles: [
      'Countering incitement to terrorism in {where}',
      'Counter-messaging and responsible reporting in {where}',
    ],
    summaries: [
      'Helps {where} respond to terrorist propaganda through credible counter-messaging, while protecting freedom of expression.',
      'Trains prosecutors, media regulators and journalists in {where} on incitement to terrorism and responsible reporting.',
    ],
  },
  FTF: {
    titles: [
      'Managing returning foreign terrorist fighters in {where}',
      'Rehabilitation and reintegration of returnees and their families in {where}',
    ],
    summaries: [
      'Supports {where} in assessing and managing the risks posed by returning and relocating foreign terrorist fighters, in line with resolution 2396 (2017).',
      'Helps {where} repatriate, rehabilitate and reintegrate family members of foreign terrorist fighters, with particular attention to children.',
    ],
  },
  ICT: {
    titles: [
      'Countering terrorist use of the Internet in {where}',
      'Electronic evidence and new technologies in {where}',
    ],
    summaries: [
      'Builds the capacity of {where} to counter terrorist use of the Internet and new technologies, with respect for human rights.',
      'Trains investigators in {where} to preserve and obtain electronic evidence and to investigate terrorist use of virtual assets.',
    ],
  },
  CRITICAL_INFRASTRUCTURE: {
    titles: [
      'Protecting critical infrastructure and vulnerable targets in {where}',
      'Security of major events in {where}',
    ],
    summaries: [
      'Supports {where} in identifying critical infrastructure and protecting soft targets through public-private partnerships and joint exercises.',
      'Helps {where} plan the security of major sporting and cultural events against terrorist attacks.',
    ],
  },
  WEAPONS: {
    titles: [
      'Preventing terrorists from acquiring weapons in {where}',
      'Chemical, biological, radiological and nuclear security in {where}',
    ],
    summaries: [
      'Strengthens controls on small arms, light weapons and explosives in {where}, including record-keeping and tracing.',
      'Helps {where} secure radioactive and chemical materials and prepare for chemical or biological attacks.',
    ],
  },
  CIVIL_SOCIETY: {
    titles: [
      'Civil society partnerships against violent extremism in {where}',
      'Engaging youth and communities in prevention in {where}',
    ],
    summaries: [
      'Supports civil society organizations in {where} that work with communities affected by terrorism and violent extremism.',
      'Involves youth and community organizations in {where} in designing, delivering and evaluating prevention programmes.',
    ],
  },
};
