// Plain data shared by the core features. Offsets are UTF-16 code unit indices into the document text
// (the same unit as JavaScript string indices and LSP positions), so no conversion is needed until the edge.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Stable identifiers of the checks; they are the diagnostic `code` and the keys of the severity setting. */
export type CheckCode =
  | 'casing' // ETCD -> etcd
  | 'spacing' // CloudFoundry -> Cloud Foundry
  | 'plural' // CloudEvent -> CloudEvents
  | 'domain' // Dapr.io -> Dapr
  | 'truncated' // Open Policy A -> Open Policy Agent
  | 'typo' // Promethus -> Prometheus
  | 'misheard' // Sillium -> Cilium
  | 'person' // Derek Collision -> Derek Collison
  | 'learned' // a near miss of a name this document uses elsewhere
  | 'spelling' // healhty -> healthy
  | 'short-form'; // k8s -> Kubernetes (accepted, hint at most)

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Finding {
  code: CheckCode;
  /** Offsets into the document. */
  start: number;
  end: number;
  /** The text as written. */
  wrong: string;
  /** Replacements, best first (shared between equal findings: never changed in place). */
  fixes: readonly string[];
  /** Whether fixes[0] is clearly right (the quick fix is marked preferred and used by Fix All). */
  preferred: boolean;
  message: string;
  /** Canonical name of the catalog entry or learned name this is about, if any. */
  subject?: string;
}

export interface NameCard {
  name: string;
  kind: 'cncf' | 'ecosystem' | 'person' | 'term' | 'learned' | 'dictionary';
  maturity?: string;
  category?: string;
  homepage?: string;
  repo?: string;
  description?: string;
  aliases: string[];
}
