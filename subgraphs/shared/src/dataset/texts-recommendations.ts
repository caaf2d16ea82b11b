import type { ThematicAreaCode } from './facts';

/**
 * Sample recommendation texts per thematic area; `{state}` and `{state's}` name the assessed
 * State. They are illustrative capacity-building needs, not quotations from CTED reports.
 */
export const RECOMMENDATION_TEMPLATES: Record<ThematicAreaCode, string[]> = {
  INTERNATIONAL_COOPERATION: [
    'Designate a national contact point in {state} for counter-terrorism cooperation with regional and subregional bodies, and share its details with partner States.',
    "Strengthen the participation of {state's} law enforcement agencies in regional platforms for sharing information on terrorist threats.",
    'Conclude arrangements between {state} and neighbouring States for coordinated border patrols and the exchange of operational information.',
    'Establish an interagency mechanism in {state} to coordinate the counter-terrorism technical assistance offered by international partners.',
    "Increase {state's} use of INTERPOL notices and diffusions to share information on terrorist suspects with other Member States.",
  ],
  THREAT_ASSESSMENT: [
    'Develop a periodic national terrorism threat assessment for {state} that draws on intelligence, law enforcement and open-source information.',
    "Train analysts in {state's} counter-terrorism units in structured techniques for assessing emerging terrorist threats.",
    'Establish a joint threat-assessment centre in {state} that brings together the police, intelligence, border and prison services.',
    "Share the unclassified findings of {state's} national threat assessment with the private sector and civil society to inform prevention work.",
    "Include the risks posed by returning foreign terrorist fighters and their family members in {state's} national threat assessment.",
  ],
  CRIMINAL_JUSTICE: [
    "Amend {state's} criminal code to criminalize, in precise terms, the full range of offences set out in the international counter-terrorism instruments.",
    'Train judges and prosecutors in {state} in the use of digital and financial evidence in terrorism trials, with due-process safeguards.',
    'Develop prosecution, rehabilitation and reintegration strategies in {state} for persons associated with terrorist groups, in line with resolution 2396 (2017).',
    'Establish specialized counter-terrorism prosecution units in {state} with the resources to handle complex cases.',
    'Reduce the length of pre-trial detention in terrorism cases in {state} by strengthening case management and judicial oversight.',
  ],
  LEGAL_COOPERATION: [
    'Designate a central authority in {state} for mutual legal assistance and extradition in terrorism cases, with adequate staff and an electronic case-management system.',
    'Ratify and implement the international counter-terrorism instruments to which {state} is not yet a party.',
    "Train {state's} central authority staff to draft and execute mutual legal assistance requests for electronic evidence held abroad.",
    'Adopt legislation in {state} that allows mutual legal assistance in terrorism cases on the basis of reciprocity, without a treaty.',
    "Join regional networks of prosecutors and central authorities to speed up {state's} cooperation in terrorism cases.",
  ],
  CFT: [
    "Strengthen the capacity of {state's} financial intelligence unit to analyse suspicious transaction reports related to terrorist financing.",
    'Conduct and regularly update a national terrorist-financing risk assessment for {state} that covers cash couriers, money or value transfer services and virtual assets.',
    'Establish a legal mechanism in {state} to freeze terrorist assets without delay, as required by resolution 1373 (2001).',
    'Train investigators and prosecutors in {state} to conduct parallel financial investigations in terrorism cases.',
    'Apply risk-based, proportionate oversight to non-profit organizations in {state} that does not disrupt legitimate humanitarian activity.',
  ],
  CVE: [
    'Adopt a national plan of action in {state} to prevent violent extremism conducive to terrorism, developed with local authorities, civil society, women and youth.',
    'Support community-based programmes in {state} that build the resilience of young people to violent extremist recruitment.',
    "Develop disengagement and rehabilitation programmes in {state's} prisons for persons convicted of terrorist offences.",
    'Train teachers and community leaders in {state} to recognize and respond to signs of radicalization to violence.',
    "Evaluate the results of {state's} prevention programmes and publish the findings.",
  ],
  CT_STRATEGIES: [
    'Adopt a comprehensive and integrated national counter-terrorism strategy for {state} that covers prevention, protection, prosecution and rehabilitation.',
    'Establish a national counter-terrorism coordination body in {state} with a clear mandate and a dedicated budget.',
    "Review {state's} national counter-terrorism strategy with the participation of civil society and include human rights safeguards.",
    "Set up a monitoring and evaluation framework, with measurable indicators, for {state's} national counter-terrorism strategy.",
    "Align {state's} national counter-terrorism strategy with the relevant regional strategy and the United Nations Global Counter-Terrorism Strategy.",
  ],
  LAW_ENFORCEMENT: [
    "Strengthen the capacity of {state's} police to investigate terrorist offences using intelligence-led policing.",
    'Give frontline police stations in {state} secure access to national and INTERPOL databases on terrorist suspects and stolen travel documents.',
    "Train {state's} counter-terrorism investigators in the collection and preservation of digital evidence.",
    'Adopt standard operating procedures in {state} for the exchange of information between the police and intelligence services in terrorism cases.',
    "Provide specialized training to {state's} first responders in crime-scene management after terrorist attacks.",
  ],
  BORDER_MANAGEMENT: [
    'Establish an advance passenger information and passenger name record system in {state}, in line with resolution 2396 (2017) and with data-protection safeguards.',
    "Connect {state's} border crossing points to INTERPOL databases and national watchlists in real time.",
    "Introduce biometric capture at {state's} main international airports and land border crossings to detect travel under false identities.",
    "Strengthen risk-based screening of passengers and cargo at {state's} ports and airports, in cooperation with customs.",
    "Train {state's} border guards to detect forged travel documents and to identify persons in need of international protection.",
  ],
  HUMAN_RIGHTS: [
    "Ensure that {state's} counter-terrorism legislation defines terrorism precisely and complies with international human rights law.",
    "Establish independent oversight of {state's} counter-terrorism and intelligence agencies.",
    "Train {state's} law enforcement officers in interviewing and detention practices that respect human rights in terrorism cases.",
    'Provide effective remedies in {state} for persons affected by counter-terrorism measures, including listing and asset-freezing decisions.',
    'Strengthen support for victims of terrorism in {state}, including legal, medical and psychosocial assistance.',
  ],
  GENDER: [
    "Integrate a gender perspective into {state's} counter-terrorism and prevention strategies, in line with resolution 2242 (2015).",
    "Increase the participation of women in {state's} counter-terrorism, law enforcement and border agencies.",
    'Collect sex-disaggregated data on terrorism prosecutions and prevention programmes in {state}.',
    'Develop gender-sensitive rehabilitation and reintegration programmes in {state} for women and girls associated with terrorist groups.',
    "Consult women's civil society organizations in {state} when designing counter-terrorism and prevention measures.",
  ],
  INCITEMENT: [
    'Prohibit incitement to commit terrorist acts in {state} in precise terms that respect freedom of expression, in line with resolution 1624 (2005).',
    'Develop counter-messaging in {state} with credible local voices to respond to terrorist propaganda.',
    "Train {state's} prosecutors to distinguish incitement to terrorism from protected speech.",
    "Engage {state's} media regulators and journalists' associations on responsible reporting of terrorist attacks.",
    'Support interfaith and intercultural dialogue in {state} that counters the narratives used to incite terrorism.',
  ],
  FTF: [
    'Establish procedures in {state} to assess and manage the risks posed by returning and relocating foreign terrorist fighters.',
    'Develop programmes in {state} for the repatriation, rehabilitation and reintegration of children associated with foreign terrorist fighters.',
    'Criminalize travel for terrorist purposes in {state}, as required by resolution 2178 (2014).',
    'Share information on foreign terrorist fighters between {state} and countries of transit and destination through INTERPOL channels.',
    "Train {state's} prison administration to manage detainees convicted of offences related to foreign terrorist fighters.",
  ],
  ICT: [
    "Strengthen {state's} capacity to counter the use of the Internet and social media for terrorist purposes, with respect for human rights.",
    'Establish a legal framework in {state} for the preservation of, and access to, electronic evidence in terrorism investigations.',
    "Train {state's} cybercrime unit to investigate the terrorist use of encrypted messaging and virtual assets.",
    'Develop cooperation between the authorities of {state} and technology companies on the removal of terrorist content online.',
    'Assess the risks that new technologies, such as unmanned aircraft systems, pose in {state} and adopt countermeasures.',
  ],
  CRITICAL_INFRASTRUCTURE: [
    "Identify {state's} critical infrastructure and adopt a national plan to protect it against terrorist attacks, in line with resolution 2341 (2017).",
    'Strengthen the protection of soft targets in {state}, such as places of worship, stadiums and tourist sites, through public-private partnerships.',
    'Conduct joint exercises in {state} between emergency services and infrastructure operators to test the response to terrorist attacks.',
    'Develop security plans for the major sporting and cultural events hosted by {state}.',
    "Strengthen the cybersecurity of {state's} energy, transport and telecommunications infrastructure against terrorist attacks.",
  ],
  WEAPONS: [
    'Strengthen controls in {state} on the manufacture, transfer and brokering of small arms and light weapons to prevent their acquisition by terrorists.',
    'Establish a national record-keeping and tracing system for firearms in {state}, in line with resolution 2370 (2017).',
    'Strengthen the physical protection of radioactive and chemical materials in {state}.',
    "Train {state's} customs and border officers to detect the illicit trafficking of weapons, explosives and their precursors.",
    'Adopt national measures in {state} to implement resolution 1540 (2004) on preventing non-State actors from acquiring weapons of mass destruction.',
  ],
  CIVIL_SOCIETY: [
    "Establish regular consultations between {state's} counter-terrorism authorities and civil society organizations.",
    "Ensure that {state's} counter-terrorism measures do not unduly restrict the space in which civil society operates.",
    'Support civil society organizations in {state} that work with communities affected by terrorism and violent extremism.',
    'Involve youth organizations in {state} in designing and evaluating prevention programmes.',
    'Partner with civil society in {state} to deliver rehabilitation and reintegration services for former associates of terrorist groups.',
  ],
};
