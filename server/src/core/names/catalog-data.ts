// What the catalog is built from: the bundled data files as the loader hands them over (the CNCF projects,
// the hand-kept ecosystem names and people, overrides) and the names of built catalog files.

/** One name of a built catalog file (`talk-notes catalog`; data/catalog.json), as the loader hands it over. */
export interface BuiltName {
  /** As the source writes it ("Open Policy Agent", "gRPC", "Paco Xu"). */
  name: string;
  /**
   * project: open source (CNCF projects carry `maturity`); product: not open source; company: companies and
   * other organizations; person; event (KubeCon); component: a part of a CNCF project (Hubble of Cilium).
   */
  kind: 'project' | 'product' | 'company' | 'person' | 'event' | 'component';
  /** CNCF projects only: graduated, incubating, sandbox or archived. */
  maturity?: string;
  /** Other correct forms: a parenthetical of the source ("OPA"), a former name, a person's other spelling. */
  aliases?: string[];
  homepage?: string;
  repo?: string;
  /** The landscape category ("Orchestration & Management"). */
  category?: string;
  /** At most about 100 characters. */
  description?: string;
  /** Components: the name of the project they belong to. */
  parent?: string;
  /** People: their company (as named in the catalog when it is there). */
  company?: string;
  /**
   * Every word of the name, in lowercase, is an ordinary English word ("Fleet", "Vault"): lowercase use in
   * prose is not this name, so it must not be "corrected".
   */
  everyday?: boolean;
  /** Projects: how many community people (cncf/people) list it; completion ranks the better known first. */
  community?: number;
}

export interface CncfData {
  projects: {
    name: string;
    maturity: string;
    homepage_url?: string;
    repo_url?: string;
    category?: string;
    aliases?: string[];
  }[];
  subprojects?: { name: string; parent_project: string; homepage_url?: string; repo_url?: string; category?: string }[];
  hand_added_aliases?: Record<string, string[]>;
}

export interface EcosystemData {
  entries: {
    name: string;
    kind?: string;
    category?: string;
    homepage_url?: string;
    repo_url?: string;
    aliases?: string[];
    parent?: string | null;
    description?: string;
  }[];
}

export interface PeopleData {
  people: { name: string; known_for?: string }[];
}

export interface CatalogOverrides {
  /** Landscape name -> how the project writes itself. */
  displayNames?: Record<string, string>;
  /** Extra correct forms per canonical name. */
  aliases?: Record<string, string[]>;
  /** Accepted abbreviations per canonical name. */
  shortForms?: Record<string, string[]>;
}

export interface CatalogData {
  cncf: CncfData;
  ecosystem?: EcosystemData;
  people?: PeopleData;
  everydayNames?: string[];
  /** Names of built catalog files (the landscape's products and companies, maintainers, community people). */
  built?: BuiltName[];
  /** Names of the user's own catalog files (talkNotes.catalogFiles): chosen by hand, so matched as curated names. */
  teamNames?: BuiltName[];
  /** Common first names, from a list of names (people's first names are added from the catalog). */
  givenNames?: string[];
  /** Words that, right after a lowercase everyday-word name, show the name is meant ("helm chart"). */
  contextWords?: string[];
  overrides?: CatalogOverrides;
}
