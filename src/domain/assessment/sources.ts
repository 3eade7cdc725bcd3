/**
 * The sources the assessment rules rest on. Rules cite a source id plus the point they take
 * from it; the report prints both, so a founder can check where a threshold comes from.
 * `quality` says how much weight a source carries (ratios are heuristics, not laws).
 */
export interface Source {
  id: string;
  title: string;
  url?: string;
  quality: 'practitioner' | 'research' | 'opinion' | 'survey' | 'our-judgement';
}

export const SOURCES: readonly Source[] = [
  {
    id: 'trustshoring-cto-role',
    title: 'Trustshoring: Understanding the Role of the CTO for a Smooth Development Process',
    url: 'https://trustshoring.com/blog/understanding-the-role-of-the-cto-for-a-smooth-development-process',
    quality: 'practitioner',
  },
  {
    id: 'trustshoring-estimation',
    title: 'Trustshoring: How to Get Better Project Estimations from Web Developers?',
    url: 'https://trustshoring.com/blog/how-to-get-better-project-estimations-from-web-developers',
    quality: 'practitioner',
  },
  {
    id: 'fractional-cpo-practice',
    title: 'Fractional CPO practice (wavect.io, producttrio.com, startup2exit.club)',
    url: 'https://wavect.io/glossary/fractional-cpo/',
    quality: 'practitioner',
  },
  {
    id: 'norton-pm-ratio',
    title: 'Ken Norton: the ideal ratio of engineers to product managers',
    url: 'https://www.bringthedonuts.com/newsletter/ideal-ratio-engineers-to-product-managers.html',
    quality: 'opinion',
  },
  {
    id: 'first-pm-timing',
    title: 'Ravi Mehta and Prodify on hiring the first product manager',
    url: 'https://prodify.group/blog/4-signs-you-need-to-make-your-first-product-hire',
    quality: 'practitioner',
  },
  {
    id: 'brooks-paths',
    title: 'Brooks, The Mythical Man-Month: communication paths n(n-1)/2',
    url: 'https://www.prestonlee.com/2006/03/26/on-brooks',
    quality: 'research',
  },
  {
    id: 'nngroup-designer-ratio',
    title: 'Nielsen Norman Group 2020 survey of designer-to-developer ratios',
    quality: 'survey',
  },
  {
    id: 'cpto-role',
    title: 'Egon Zehnder and CTO Academy on the combined CPTO/CTPO role',
    url: 'https://cto.academy/cpto-role-and-responsibilities',
    quality: 'practitioner',
  },
  {
    id: 'raci-daci',
    title: 'RACI and DACI decision frameworks (Atlassian Team Playbook)',
    url: 'https://www.atlassian.com/blog/project-management/daci-method-for-better-project-decisions',
    quality: 'practitioner',
  },
  {
    id: 'prioritisation-frameworks',
    title: 'Scored prioritisation: RICE (Intercom), ICE, CD3 (Black Swan Farming), MoSCoW (DSDM)',
    url: 'https://blackswanfarming.com/cd3-and-proportionality-to-outcomes',
    quality: 'practitioner',
  },
  {
    id: 'jorgensen-estimation',
    title: 'Jørgensen: evidence-based guidelines for expert estimation (JSS 2004; IEEE Software 2014)',
    url: 'https://www.simula.no',
    quality: 'research',
  },
  {
    id: 'survey-overruns',
    title: 'Moløkken-Østvold and Jørgensen 2003: review of surveys on software effort overruns',
    quality: 'research',
  },
  {
    id: 'bernhardsson-blowup',
    title: 'Bernhardsson: Why software projects take longer than you think',
    url: 'https://erikbern.com/2019/04/15/why-software-projects-take-longer-than-you-think-a-statistical-model.html',
    quality: 'research',
  },
  {
    id: 'mcconnell-cone',
    title: 'McConnell: the cone of uncertainty',
    url: 'https://www.construx.com/books/the-cone-of-uncertainty/',
    quality: 'practitioner',
  },
  {
    id: 'dora',
    title: 'DORA research programme: software delivery performance measures',
    url: 'https://dora.dev/research/',
    quality: 'research',
  },
  {
    id: 'joel-test',
    title: 'Spolsky: The Joel Test, 12 steps to better code (2000)',
    url: 'https://www.joelonsoftware.com/2000/08/09/the-joel-test-12-steps-to-better-code/',
    quality: 'practitioner',
  },
  {
    id: 'space-devex',
    title: 'SPACE (Forsgren et al. 2021) and DevEx (Noda et al. 2023) frameworks',
    quality: 'research',
  },
  {
    id: 'larson-sizing',
    title: 'Will Larson, An Elegant Puzzle: sizing teams and manager spans',
    quality: 'practitioner',
  },
  {
    id: 'vp-engineering-trigger',
    title: 'hypernestlabs: startup CTO vs VP Engineering',
    url: 'https://hypernestlabs.com/guides/startup-cto-vs-vp-engineering',
    quality: 'practitioner',
  },
  {
    id: 'team-topologies',
    title: 'Skelton and Pais, Team Topologies: stream-aligned teams of 5–9',
    quality: 'practitioner',
  },
  {
    id: 'nearsoft-tech-leads',
    title: 'Nearsoft: one tech lead per 5–6 offshore engineers',
    url: 'https://nearsoft.com/resources/managing-risks/tech-leads',
    quality: 'practitioner',
  },
  {
    id: 'product-ops',
    title: 'Perri and Tilles: product operations, from about 7–8 product managers',
    quality: 'practitioner',
  },
  {
    id: 'headway-judgement',
    title: 'Headway: a threshold chosen by us where the sources give none',
    quality: 'our-judgement',
  },
];

const BY_ID = new Map(SOURCES.map((s) => [s.id, s]));

/**
 * Looks up a source by id.
 * @returns the source; throws on an unknown id, which is a bug in the rule data.
 */
export function getSource(id: string): Source {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown assessment source "${id}"`);
  return found;
}
