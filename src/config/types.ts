import type { FaceOptions } from '../face/options.js';

/** The configuration after validation: every default applied, every path absolute. */
export interface FacegateConfig {
  /** The file it was read from, for messages. */
  file: string;
  issuer: string;
  port: number;
  host: string;
  /** Proxies in front of facegate whose X-Forwarded-* headers are trusted: 0 none (the file's `true` is 1). */
  proxy: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  storage:
    | { type: 'sqlite'; file: string }
    | { type: 'redis'; url: string; keyPrefix?: string }
    | { type: 'postgres'; url: string; schema?: string };
  development: { allowHttpLocalhostImplicitRedirectUris: boolean };
  clients: ClientConfig[];
  /** Scope name -> the claims it releases. */
  scopes: Record<string, ClaimName[]>;
  ttl: {
    accessToken: number;
    authorizationCode: number;
    idToken: number;
    refreshToken: number;
    session: number;
    grant: number;
    interaction: number;
  };
  face: FaceConfig;
  /** GET /metrics (Prometheus), for the addresses or CIDR ranges in allowFrom only. */
  metrics: { enabled: boolean; allowFrom: string[] };
  consent: ConsentConfig;
  /** Passkeys beside the face; rpId is filled in (the issuer's host) when not written. */
  passkeys: PasskeyConfig;
}

/** What the enrolment page asks the person to agree to, and which version of it the store records. */
export interface ConsentConfig {
  required: boolean;
  version: string;
  policyUrl: string | null;
  /** Who runs the service; null: the issuer's host name. */
  operator: string | null;
  /** The operator's own statement; null: the default one in the person's language. */
  text: string | null;
}

export interface PasskeyConfig {
  enabled: boolean;
  rpId: string;
  userVerification: 'required' | 'preferred' | 'discouraged';
}

export type ClaimName = 'name' | 'given_name' | 'family_name' | 'email' | 'email_verified' | 'picture';

export interface ClientConfig {
  client_id: string;
  client_secret?: string;
  client_name?: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
  response_types: ('code' | 'id_token' | 'id_token token' | 'code id_token')[];
  grant_types: ('authorization_code' | 'implicit' | 'refresh_token')[];
  token_endpoint_auth_method?: 'none' | 'client_secret_basic' | 'client_secret_post';
  first_party: boolean;
}

/** The face engine's options, plus the attempt limits the sign-in pages enforce. */
export interface FaceConfig extends FaceOptions {
  attempts: {
    perInteraction: number;
    perIp: { max: number; windowSeconds: number };
    ipv6PrefixLength: number;
    accountDelays: {
      freeFailures: number;
      firstDelaySeconds: number;
      maxDelaySeconds: number;
      forgetAfterSeconds: number;
    };
    accountAlarm: { failures: number; windowSeconds: number };
  };
  /** null: templates are kept until deleted. */
  retention: { inactiveDays: number | null };
}
